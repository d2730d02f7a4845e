"""A headless Chrome, Chromium or Edge, driven over the DevTools protocol.

``find_browser`` locates one; ``Browser`` (in :mod:`cjm.browser.cdp`) runs it.
Only ``cjm render --format pdf|png|pptx`` and the browser tests import this.
"""
