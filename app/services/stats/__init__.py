"""Shift statistics from the event log: per packer, station and day (``figures``), and the one-page
PDF report (``report_pdf``) that ``packdesk report`` writes and the Statistics tab shows as charts."""
