"""Join background jobs (0007_job, 0008) and the programs' lives (0007_mention_dates), which came in side by side."""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("policies", "0007_mention_dates"),
        ("policies", "0008_editors_see_jobs"),
    ]
    operations = []
