"""The benchmark: the synthetic national record, its measurements, the local server and Chromium."""
