"""Labels: a PDF page (Ozon's label) to the 1-bit bitmap a printer prints.

``render.render_pdf_page`` is the one place outside app/ui that uses Qt (QtPdf); import it from
its module so that importing this package stays Qt-free. Everything Qt-free is in ``raster``.
"""
