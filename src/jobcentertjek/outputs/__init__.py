"""What the site publishes besides pages: RSS feeds, deadline calendars, open data."""
