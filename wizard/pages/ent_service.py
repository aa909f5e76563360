"""Part 1: the « Nouveau service » form of the ENT, value by value."""
from __future__ import annotations

from wizard.core.i18n import tr, tr_noop
from wizard.core.school import identity_values
from wizard.pages.checklist import ChecklistPage


class EntServicePage(ChecklistPage):
    step_id = "ent_service"
    intro = tr_noop("Dans l'ENT, créez le service PRONOTE avec l'authentification unique (CAS). Chaque valeur à "
                    "saisir est sous son action, avec un bouton « Copier » ; cochez chaque ligne une fois faite dans "
                    "le formulaire. Le formulaire a plusieurs onglets (« {ent_tab_general} », "
                    "« {ent_tab_technical} »…) : cherchez chaque champ par son nom.")
    help_text = tr_noop("L'{ent_field_cas_url} est l'adresse de PRONOTE suivie de /** : elle autorise toutes les "
                        "pages de votre serveur PRONOTE.")

    def checklist_values(self) -> dict:
        def values() -> dict:  # read at each load of the checklist: it shows what the admin has typed since
            return identity_values(self.progress.identity)

        service = self.ent.service
        return {
            "service_title": (tr("Intitulé du service"), lambda: service["title"]),
            "sso_type": (tr("Type de SSO"), lambda: service["sso_type"]),
            "pronote_url": (tr("URL du serveur PRONOTE"), lambda: values()["pronote_url"]),
            "regroupement": (tr("Regroupement"), lambda: service["regroupement"]),
            "pronote_version": (tr("Version de PRONOTE"),
                                lambda: values()["pronote_version"] or tr("(à relever dans le client PRONOTE)")),
            "cas_url": (tr("URL CAS de PRONOTE"), lambda: values()["cas_url"]),
        }
