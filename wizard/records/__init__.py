"""Printable records: the configuration record and the notice for families and staff.

`content` builds their HTML from the progress (Qt-free, no names or birth dates of anyone: the progress holds
none); `pdf` lays it out with Qt's QTextDocument and writes PDF or prints it.
"""
