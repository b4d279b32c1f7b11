"""Tests that drive the built site in a real browser (Chromium via Playwright)."""
