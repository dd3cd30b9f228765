"""Admin forms: adding an article (pasted or uploaded), reviewing its facts, adding one by hand."""
from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib import admin
from django.core.validators import RegexValidator
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from programs.lifecycle import PARTIAL_DATE
from programs.models import DATE_MESSAGE, Program, TargetGroup

from ..choices import IncentiveKind
from ..formatting import plain
from ..importing import find_duplicate
from ..reading import SUFFIXES, UnreadableText, read_pasted, read_upload
from ..models import Article, Incentive, Metric
from ..review import CORRECTABLE

ISO_DATE = RegexValidator(PARTIAL_DATE, DATE_MESSAGE)


def normalise_newlines(text: str) -> str:
    """Browsers send a textarea with CRLF line ends; store LF so that spans
    count the same characters the review screen shows."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class LinesField(forms.CharField):
    """A list of strings edited as a textarea, one per line (an indicator's
    wordings, a program's aliases)."""

    widget = forms.Textarea(attrs={"rows": 6, "cols": 40})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        lines = [line.strip() for line in (value or "").splitlines()]
        return list(dict.fromkeys(line for line in lines if line))


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """One or several files: a list of the uploads."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(FilesField, self).clean(f, initial) for f in files]


class ArticleAddForm(forms.ModelForm):
    """Paste the text or upload a file; the details the editor leaves blank
    are read from the text by the extractor."""

    source_url = forms.URLField(label=_("source URL"), max_length=500, required=False, assume_scheme="https")
    # The uploaded file's name, carried through "read details" (which shows
    # the file's text in the text box and cannot re-fill the file input).
    source_file = forms.CharField(max_length=255, required=False, widget=forms.HiddenInput)
    upload = FilesField(
        label=_("or upload files"),
        required=False,
        help_text=_(".txt or .html; UTF-8 (with or without BOM), GBK or GB18030. HTML is reduced to its text. "
                    "Several files (up to 100) become one article each, their details read from each."),
    )

    class Meta:
        model = Article
        fields = ["text", "upload", "title", "publisher", "published", "source_url", "source_file"]
        widgets = {"text": forms.Textarea(attrs={"rows": 18, "cols": 100})}
        help_texts = {
            "text": _("Paste the announcement as published, or upload it below."),
            "title": _("Left blank, it is read from the text where the extractor can."),
            "publisher": _("Left blank, it is read from the text where the extractor can."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = False
        self.fields["published"].validators.append(ISO_DATE)

    def clean(self):
        cleaned = super().clean()
        uploads = cleaned.get("upload") or []
        if len(uploads) > 1:
            # Each is read and imported on its own (ArticleAdmin.import_uploads); what one article's
            # details would be cannot be all of theirs.
            if any(cleaned.get(name) for name in ("title", "publisher", "published", "source_url")):
                raise forms.ValidationError(
                    _("With several files, leave the title, publisher, date and URL blank: each article's are "
                      "read from its file."), code="several")
            return cleaned
        upload = uploads[0] if uploads else None
        text = cleaned.get("text") or ""
        try:
            if upload:
                if not upload.name.lower().endswith(SUFFIXES):
                    raise forms.ValidationError(_("Upload a .txt or .html file."), code="suffix")
                read = read_upload(upload)
                cleaned["source_file"] = upload.name[:255]
            else:
                read = read_pasted(text)
        except UnreadableText as error:
            message = _("The file cannot be read: %(reason)s.") if upload else _("The text cannot be taken: %(reason)s.")
            raise forms.ValidationError(message, code="unreadable", params={"reason": error})
        text = normalise_newlines(read.text).strip("\n")
        cleaned["page_title"] = read.page_title
        if not text.strip():
            raise forms.ValidationError(_("Paste the text of the article or upload a file."), code="empty")
        cleaned["text"] = text
        duplicate = find_duplicate(text)
        if duplicate:
            url = reverse("admin:policies_article_review", args=[duplicate.pk])
            raise forms.ValidationError(
                format_html(
                    '{} <a href="{}" class="duplicate-link">{}</a>',
                    _("This announcement is already stored:"),
                    url,
                    duplicate,
                ),
                code="duplicate",
            )
        return cleaned


class KnownAutocompleteSelect(AutocompleteSelect):
    """An admin autocomplete that renders the current choice from an object
    already loaded (`known`), instead of one query per row of the review screen."""

    known = None

    def optgroups(self, name, value, attr=None):
        known = self.known
        if known is None or [str(v) for v in value if v not in ("", None)] != ([str(known.pk)] if known.pk else []):
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        if known.pk:
            options.append(self.create_option(name, known.pk, str(known), {str(known.pk)}, len(options)))
        return [(None, options, 0)]


def autocomplete(model, field_name):
    return KnownAutocompleteSelect(model._meta.get_field(field_name), admin.site, attrs={"data-width": "100%"})


class _Nothing:
    pk = None


NOTHING = _Nothing()


class FactForm(forms.ModelForm):
    """One row of the review screen: the correctable fields and a decision."""

    DECISIONS = [("", _("no decision")), ("accept", _("accept")), ("reject", _("reject"))]
    decision = forms.ChoiceField(
        label=_("decision"), choices=DECISIONS, required=False, widget=forms.RadioSelect, initial=""
    )
    selected = forms.BooleanField(label=_("select"), required=False)

    def __init__(self, *args, group_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("value", "value_max"):
            self.fields[name].widget.attrs["step"] = "any"
        self.fields["period"].widget.attrs["size"] = 12
        self.fields["label"].widget.attrs["size"] = 16
        for name in ("value", "value_max"):
            # 200, not 200.0000: the editor compares it with the quote.
            if isinstance(self.initial.get(name), Decimal):
                self.initial[name] = Decimal(plain(self.initial[name]))
        for name in ("district", "program"):
            # The row's own district and program, loaded with select_related.
            related = getattr(self.instance, name) if getattr(self.instance, f"{name}_id") else None
            self.fields[name].widget.known = related or NOTHING
        self.fields["measure"].widget.attrs["size"] = 4
        if "groups" in self.fields:
            # The ten target groups, read once for all the rows (the formset
            # passes the same list to each), not once per row.
            self.fields["groups"].choices = group_choices if group_choices is not None else target_group_choices()
        for name in CORRECTABLE:
            if name in self.fields:
                # The page carries the values it was drawn with, so that what the
                # editor changed is told from what others changed meanwhile.
                self.fields[name].show_hidden_initial = True

    def edited(self) -> list[str]:
        """The correctable fields the editor changed on the page."""
        return [name for name in self.changed_data if name in CORRECTABLE]

    def changed_meanwhile(self) -> list[str]:
        """The fields the editor changed that someone else also changed since
        the page was drawn: the fact's value now (the form's initial, read at
        this request) differs from the one the page showed."""
        changed = []
        for name in self.edited():
            bound = self[name]
            drawn = bound.field.hidden_widget().value_from_datadict(self.data, self.files, bound.html_initial_name)
            if bound.field.has_changed(bound.initial, drawn):
                changed.append(name)
        return changed


def target_group_choices() -> list[tuple[int, str]]:
    """The target groups as (pk, name in the reader's language): the choices of
    every row's groups field, so that rendering the rows asks no query each."""
    return [(g.pk, str(g)) for g in TargetGroup.objects.all()]


class GroupsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class IncentiveForm(FactForm):
    groups = GroupsField(TargetGroup.objects.all(), label=_("target groups"), required=False)

    class Meta:
        model = Incentive
        fields = ["kind", "label", "value", "value_max", "unit", "measure", "qualifier", "district", "program",
                  "period", "target", "groups"]
        widgets = {"district": autocomplete(Incentive, "district"), "program": autocomplete(Incentive, "program")}


class MetricForm(FactForm):
    def __init__(self, *args, indicator_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if indicator_choices is not None:
            # Built once for the whole review screen, not one query per row.
            self.fields["indicator"].choices = indicator_choices

    class Meta:
        model = Metric
        fields = ["label", "indicator", "value", "value_max", "unit", "measure", "qualifier", "district", "program",
                  "period", "target"]
        widgets = {"district": autocomplete(Metric, "district"), "program": autocomplete(Metric, "program")}


METRIC = "metric"


class HandFactForm(forms.Form):
    """A fact the editor reads in a span of the text they selected."""

    kind = forms.ChoiceField(
        label=_("kind"),
        choices=[*IncentiveKind.choices, (METRIC, _("metric (a figure the district reports)"))],
    )
    label = forms.CharField(label=_("label"), max_length=100, required=False)
    value = forms.DecimalField(label=_("value"), max_digits=22, decimal_places=4)
    value_max = forms.DecimalField(label=_("upper value"), max_digits=22, decimal_places=4, required=False)
    unit = forms.ChoiceField(label=_("unit"), choices=Incentive._meta.get_field("unit").choices)
    measure = forms.CharField(
        label=_("measure word"), max_length=10, required=False, help_text=_("套, 个, 家, 人 … for counts; as written, 亩 or 公顷 for land (the value in m²) and 折 for a price (the value in percent).")
    )
    qualifier = forms.ChoiceField(label=_("qualifier"), choices=Incentive._meta.get_field("qualifier").choices)
    district = Incentive._meta.get_field("district").formfield(widget=autocomplete(Incentive, "district"))
    program = Incentive._meta.get_field("program").formfield(widget=autocomplete(Incentive, "program"))
    period = forms.CharField(label=_("period"), max_length=20, required=False)
    target = forms.BooleanField(label=_("target"), required=False)
    groups = GroupsField(
        TargetGroup.objects.all(), label=_("target groups"), required=False,
        help_text=_("For an incentive: whom it is for."),
    )
    # The quote's span comes from the words selected in the text (review.js),
    # never typed: the editor sees the selected words, not their offsets.
    span_start = forms.IntegerField(min_value=0, widget=forms.HiddenInput, required=False)
    span_end = forms.IntegerField(min_value=1, widget=forms.HiddenInput, required=False)

    def __init__(self, *args, article: Article, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.fields["value"].widget.attrs["step"] = "any"
        self.fields["value_max"].widget.attrs["step"] = "any"
        self.fields["measure"].widget.attrs["size"] = 4
        self.fields["groups"].choices = target_group_choices()

    def selected_quote(self) -> str:
        """The words whose span the form carries (after an error, so that the
        editor need not select them again); '' when there is none."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        start, end = data.get("span_start"), data.get("span_end")
        if start is None or end is None or not (0 <= start < end <= len(self.article.text)):
            return ""
        return self.article.text[start:end]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("span_start"), cleaned.get("span_end")
        if start is None or end is None or not (0 <= start < end <= len(self.article.text)):
            raise forms.ValidationError(_("Select a span of the article text first."), code="span")
        if cleaned.get("kind") == METRIC and not cleaned.get("label"):
            self.add_error("label", _("A metric needs a label, such as 高层次人才数量."))
        value, value_max = cleaned.get("value"), cleaned.get("value_max")
        if value is not None and value_max is not None and value_max < value:
            self.add_error("value_max", _("The upper value is below the value."))
        return cleaned

    def model_and_fields(self):
        data = dict(self.cleaned_data)
        kind = data.pop("kind")
        span = {"span_start": data.pop("span_start"), "span_end": data.pop("span_end")}
        groups = data.pop("groups")
        if kind == METRIC:
            return Metric, {**data, **span}  # a metric has no target groups
        return Incentive, {**data, **span, "kind": kind, "groups": groups}


class ProgramForm(forms.Form):
    """A new program, created from the review screen."""

    name = forms.CharField(label=_("name"), max_length=100)
    district = Incentive._meta.get_field("district").formfield(widget=autocomplete(Incentive, "district"))


class ProgramAdminForm(forms.ModelForm):
    """A program in its admin: the aliases one per line, not as JSON."""

    aliases = LinesField(
        label=_("aliases"), required=False, help_text=_("Other names the articles use, one per line: 丰台·学子回家 …")
    )

    class Meta:
        model = Program
        fields = "__all__"
