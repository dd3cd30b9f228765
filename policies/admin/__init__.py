"""The staff side of the knowledge base: one module per thing editors work on.

- articles.py: adding an article, the article list, re-extraction
- uploads.py: an upload of more files than Django reads, back on the add form with a message
- review_screen.py and forms.py: an article's review screen
- facts.py: the incentive and metric admins, and setting metrics' indicator
- indicators.py: the indicator vocabulary and the mappings of labels to indicators
- programs.py: programs, renamed and merged
- jobs.py: background jobs and their progress
- lockouts.py: django-axes' pages of failed logins and lockouts, in the editor's language
"""
from . import articles, facts, indicators, jobs, lockouts, programs  # noqa: F401  (each registers its admins)
