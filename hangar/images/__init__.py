"""Images: the pictures LL2 attaches to agencies, configurations, spacecraft and more, their
licenses and their size variants."""
