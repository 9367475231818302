"""Italian date formats as Italian writes them: "1 dicembre 2017", not Django's "01 Dicembre 2017".

Only what differs from Django's `django/conf/locale/it/formats.py` is here (Django falls back to it for the rest);
month and weekday names come in lower case from `locale/it/LC_MESSAGES/django.po`.
"""

DATE_FORMAT = "j F Y"  # 1 dicembre 2017
DATETIME_FORMAT = "j F Y, H:i"  # 1 dicembre 2017, 14:30
