"""The prescribed format as data: the vocabulary (``declaration``), the 2021 format declared in it
(``format_2021``), the 2019 format's markers (``format_2019``), the label variants real reports use
(``labels``), and the one grid every view and writer draws (``grid``)."""
