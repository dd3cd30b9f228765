"""Creates the `editor` group with the permissions listed in policies.roles."""
from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_group(apps, schema_editor):
    from policies.roles import sync_editor_group

    # Permissions are normally created after all migrations have run
    # (post_migrate); on a fresh database they do not exist yet, so create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    # Models added later (indicators, 0004) have no permissions yet: 0005 grants them.
    sync_editor_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), missing_ok=True)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="editor").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("policies", "0002_search"),
        ("programs", "0002_target_groups"),
        ("districts", "0002_load_gazetteer"),
    ]
    operations = [migrations.RunPython(create_group, remove_group)]
