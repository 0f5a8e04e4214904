"""axe-core finds no violation on any page, in Material's light and dark schemes."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_tools import axe_violations, color_scheme_of, recorded_page, set_color_scheme, site_pages


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations(browser, base_url: str, site_dir: Path, scheme: str) -> None:
    report = []
    pages = site_pages(site_dir)
    with recorded_page(browser, base_url, color_scheme=scheme) as rec:
        for page in pages:
            rec.goto(page.url, wait_until="load")  # scripts have run; the search index may still load
            set_color_scheme(rec.page, scheme)  # type: ignore[arg-type]
            assert color_scheme_of(rec.page) == scheme
            report += axe_violations(rec.page)
    if report:
        pytest.fail(f"axe-core, {scheme} scheme, {len(pages)} pages:\n\n" + "\n\n".join(report), pytrace=False)
