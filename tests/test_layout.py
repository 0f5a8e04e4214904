"""A layout that does not move, and images that load when the reader comes near (issue 21's budget).

- on a phone and a desktop, every page's layout shifts add up to at most the budget's CLS while
  Material's script and the guides start; a guide's page opened from a shared link too;
- an image far below the first screen is lazy, one in the first screen is not.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from browser_tools import recorded_page, site_pages
from devtools import budgets
from guide_tools import answered_pairs, guide_pages, query
from test_plan_browser import plan_pairs, random_plan


def shared_links(site_dir: Path) -> dict[str, str]:
    """Each guide's page and a query that answers every guide on it (along its longest path; the
    planner with a seeded plan), as a reader's shared link would."""
    links = {}
    for url, names in guide_pages(site_dir).items():
        pairs = answered_pairs([name for name in names if name != "plan_app"])
        if "plan_app" in names:
            pairs += plan_pairs(random_plan(random.Random(0)))
        links[url] = query(pairs)
    return links


# Every layout shift of the load, as the browser reports it (Layout Instability API), and where.
# Layout shifts are not in performance.getEntries(): only a buffered observer gets them, and its
# callback comes only when there are some.
SHIFTS = """() => new Promise((resolve) => {
    const found = (entries) => entries.filter((e) => !e.hadRecentInput).map((e) => ({
        value: e.value,
        at: Math.round(e.startTime),
        nodes: e.sources.map((s) => s.node ? (s.node.id || s.node.className || s.node.nodeName) : '?'),
    }));
    const observer = new PerformanceObserver((list) => resolve(found(list.getEntries())));
    observer.observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve([]), 200);
})"""


# Lighthouse's phone (its mobile preset's screen), and a desktop.
PHONE = {"width": 412, "height": 823}
DESKTOP = {"width": 1280, "height": 800}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("shared_link", [False, True], ids=["plain", "shared-link"])
def test_the_layout_hardly_moves_while_the_page_starts(
    browser, base_url: str, site_dir: Path, viewport: dict[str, int], shared_link: bool
) -> None:
    """Layout shifts add up to at most the budget's CLS on every page, while Material's script and the
    guides' start; a guide's page also opened from a shared link, its answers filled in."""
    urls = [page.url for page in site_pages(site_dir)]
    if shared_link:
        urls = [url + answers for url, answers in shared_links(site_dir).items()]
    shifted = []
    for url in urls:
        with recorded_page(browser, base_url, viewport=viewport) as rec:
            rec.goto(url, wait_until="load")
            rec.page.wait_for_timeout(300)  # Material's toolbars and the tabs' indicator settle
            shifts = rec.page.evaluate(SHIFTS)
            if sum(shift["value"] for shift in shifts) > budgets.CLS_MAX:
                shifted.append(f"/{url}: {shifts}")
            assert not rec.problems(), "\n".join(rec.problems())
    assert urls
    assert not shifted, f"layout shifts over {budgets.CLS_MAX} at {viewport}:\n" + "\n".join(shifted)


# Where each image of the article is, in screens from the top, and how it loads. An image far
# below the first screen was fetched, decoded and painted with the first paint all the same: on
# authentication/ its two diagrams took 35 ms of that paint (issue 10). Chromium
# fetches a lazy image when it comes within about two screens of the reader.
IMAGES = """() => [...document.querySelectorAll('article img')].map((img) => ({
    src: img.getAttribute('src'),
    screens: (img.getBoundingClientRect().top + scrollY) / innerHeight,
    loading: img.getAttribute('loading'),
    fetched: performance.getEntriesByName(img.src).length > 0,
}))"""


def test_images_below_the_first_screens_load_when_the_reader_comes_near(browser, base_url: str, site_dir: Path) -> None:
    """On a phone: an image more than two screens down is lazy and not fetched with the page; an
    image in the first screen (a candidate for the largest paint) is not lazy."""
    problems, seen = [], 0
    for page in site_pages(site_dir):
        with recorded_page(browser, base_url, viewport=PHONE) as rec:
            rec.goto(page.url)
            for image in rec.page.evaluate(IMAGES):
                seen += 1
                where = f"/{page.url} {image['src']} ({image['screens']:.1f} screens down)"
                if image["screens"] > 2 and (image["loading"] != "lazy" or image["fetched"]):
                    problems.append(f"{where}: loading={image['loading']}, fetched: {image['fetched']}")
                if image["screens"] < 1 and image["loading"] == "lazy":
                    problems.append(f"{where}: lazy in the first screen")
            problems += rec.problems()
    assert seen >= 3, "the site's diagrams were not found"
    assert not problems, "\n".join(problems)
