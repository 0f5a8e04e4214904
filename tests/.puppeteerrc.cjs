// pa11y-ci drives Debian's Chromium (tests/test_validators.py): Puppeteer must not download its own.
module.exports = { skipDownload: true };
