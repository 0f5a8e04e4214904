"""axe-core finds no violation on any page, in the light and the dark scheme, at the load event:
what a reader meets first, before anything that runs later (the search index, a click)."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_tools import axe_violations, color_scheme_of, recorded_page, site_pages


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_at_load(browser, base_url: str, site_dir: Path, scheme: str) -> None:
    report = []
    pages = site_pages(site_dir)
    with recorded_page(browser, base_url, color_scheme=scheme) as rec:
        for page in pages:
            # The browser's preferred scheme picks the palette on a first visit: no click needed.
            rec.page.goto(base_url + page.url, wait_until="load")
            assert color_scheme_of(rec.page) == scheme, f"/{page.url} did not open in the {scheme} scheme"
            report += axe_violations(rec.page)
        report += rec.problems()
    if report:
        pytest.fail(f"axe-core, {scheme} scheme, {len(pages)} pages:\n\n" + "\n\n".join(report), pytrace=False)
