"""Editors may look at jobs: the admin's re-extraction sends them to its job's progress page."""
from django.contrib.auth.management import create_permissions
from django.db import migrations


def sync_group(apps, schema_editor):
    from policies.roles import sync_editor_group

    # The new model's permissions are created after all migrations (post_migrate): create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_editor_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [("policies", "0007_job")]
    operations = [migrations.RunPython(sync_group, migrations.RunPython.noop)]
