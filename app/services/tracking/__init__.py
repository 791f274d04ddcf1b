"""After the hand-over: the tracking monitor (``packdesk track``, the Tracking tab)."""
