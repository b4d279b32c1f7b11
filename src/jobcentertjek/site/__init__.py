"""The pages: their Markdown and HTML bodies, long lists split by year, the graphics."""
