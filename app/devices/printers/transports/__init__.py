"""Printer transports: each moves job bytes to one kind of link and nothing else.

The seam (like python-escpos's ``_raw``) is :class:`base.Transport`; every module here is one
link kind, and imports its optional library (pyusb, pywin32) only when used.
"""
