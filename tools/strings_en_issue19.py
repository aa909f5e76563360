"""English for the texts of issue 19 (the school's year: the board's entries and what is due, passes that stay as
they were, the ENT's figure read as batch or running total, the everybody-file finding, the identification failures
page, duplicate schools, the server's school name, the declaration's reason). No Alt+letter on B, N, F or H (Back,
Next, Finish, Help).
For whoever updates the translations: .venv/bin/python tools/update_translations.py, then
.venv/bin/python tools/apply_translations.py tools/strings_en_issue19.py"""
EN = {
    # -- the board: what is due, and each entry ------------------------------------------------------------------
    "&Reprendre l'import en cours":
        "&Resume the import in progress",
    "&Nouvelle année scolaire : import complet":
        "New school &year: full import",
    "Suivre les é&checs d'identification":
        "Follow identification fail&ures",
    "Refaire cet imp&ort":
        "Redo this imp&ort",
    "Un import {mode} est en cours depuis le {date} : reprenez-le à l'étape « {title} ».":
        "A {mode} import has been in progress since {date}: resume it at the step “{title}”.",
    "Année {year} : l'import complet de la rentrée n'est pas encore fait.":
        "School year {year}: the full import of the start of the year is not done yet.",
    "Année {year} : l'import complet de la rentrée est fait (le {date}). À chaque arrivée de nouveaux élèves ou "
    "personnels, faites un import partiel.":
        "School year {year}: the full import of the start of the year is done ({date}). Whenever new pupils or staff "
        "arrive, make a partial import.",
    "Vérifier l'établissement et la version de PRONOTE, exporter depuis PRONOTE les identifiants de tous les "
    "utilisateurs, vérifier le fichier, l'importer dans l'ENT en mode « {import_mode_complet} », rapprocher les "
    "comptes, puis suivre les échecs d'identification.":
        "Check the school and the PRONOTE version, export every user's identifiers from PRONOTE, check the file, "
        "import it into the ENT in “{import_mode_complet}” mode, match the accounts, then follow the identification "
        "failures.",
    "Exporter depuis PRONOTE les seuls nouveaux arrivants, vérifier le fichier, l'importer dans l'ENT en mode "
    "« {import_mode_partiel} », rapprocher leurs comptes, puis suivre les échecs d'identification.":
        "Export the newcomers only from PRONOTE, check the file, import it into the ENT in “{import_mode_partiel}” "
        "mode, match their accounts, then follow the identification failures.",
    "Revenir à l'étape « {title} » de l'import {mode} commencé le {date}, là où vous vous êtes arrêté.":
        "Go back to the step “{title}” of the {mode} import started on {date}, where you stopped.",
    "Noter le nombre d'utilisateurs en échec d'identification que PRONOTE affiche, voir son évolution et comment "
    "résoudre ces échecs.":
        "Note the number of users in identification failure that PRONOTE shows, see how it changes and how to "
        "resolve these failures.",
    "Refaire l'import {mode} du {date} dans un nouveau passage : celui-ci reste dans l'historique tel quel.":
        "Redo the {mode} import of {date} as a new pass: that one stays in the history as it is.",
    "Dernier import : {day}, {mode} ; {people} personne(s) dans le fichier ; l'ENT a annoncé {figure}":
        "Last import: {day}, {mode}; {people} person(s) in the file; the ENT reported {figure}",
    "Échecs d'identification":
        "Identification failures",
    "Aucun nombre noté cette année : après l'import, relevez dans PRONOTE le nombre d'utilisateurs en échec.":
        "No number noted this year: after the import, read in PRONOTE the number of users in failure.",
    "Utilisateurs en échec, relevés dans PRONOTE : {trend}.":
        "Users in failure, as read in PRONOTE: {trend}.",
    "{count} le {day}":
        "{count} on {day}",
    "L'import complet de l'année {year} est déjà enregistré : vous en refaites un. Pour les seuls nouveaux "
    "arrivants, l'import partiel suffit.":
        "The full import of school year {year} is already recorded: you are making another one. For the newcomers "
        "alone, the partial import is enough.",
    # -- a finished pass -----------------------------------------------------------------------------------------
    "Refaire cet import":
        "Redo this import",
    "Refaire cet import, dans un nouveau passage":
        "Redo this import, as a new pass",
    "Cet import a été terminé le {date} : il fait partie de l'historique et ne change plus (ses cases, son fichier et "
    "le nombre annoncé par l'ENT restent ceux d'alors). Pour le refaire, « Refaire cet import » commence un nouveau "
    "passage.":
        "This import was finished on {date}: it is part of the history and no longer changes (its ticks, its file and "
        "the number the ENT reported stay as they were). To do it again, “Redo this import” starts a new pass.",
    # -- the ENT's figure ----------------------------------------------------------------------------------------
    "le nombre de personnes de ce fichier":
        "the number of people in this file",
    "son total après cet import":
        "its total after this import",
    "ni le nombre du fichier, ni le total attendu":
        "neither the file's number nor the expected total",
    "L'ENT a importé {reported} identifiant(s) : les personnes du fichier, moins les {already} déjà importée(s) lors "
    "d'un import précédent.":
        "The ENT imported {reported} identifier(s): the people in the file, less the {already} already imported in an "
        "earlier import.",
    "L'ENT annonce {reported} : c'est son total après cet import ({before} au dernier import, plus les {added} "
    "personne(s) de ce fichier). L'ENT donne ici le total de ses identifiants, pas le seul import partiel : le nombre "
    "est cohérent.":
        "The ENT reports {reported}: that is its total after this import ({before} at the last import, plus the "
        "{added} person(s) of this file). The ENT gives here the total of its identifiers, not the partial import "
        "alone: the number is consistent.",
    "L'ENT annonce {reported}. ":
        "The ENT reports {reported}. ",
    "Ce nombre n'est ni celui des personnes du fichier ({people}), si l'ENT compte ce seul import, ":
        "This number is neither the file's people ({people}), if the ENT counts this import alone, ",
    "ni le total attendu ({before} au dernier import + {people} = {expected}), si l'ENT donne son total.":
        "nor the expected total ({before} at the last import + {people} = {expected}), if the ENT gives its total.",
    "ni un total que l'assistant puisse vérifier, si l'ENT donne son total : le total de l'ENT après le dernier import "
    "n'est pas connu.":
        "nor a total the assistant can check, if the ENT gives its total: the ENT's total after the last import is "
        "not known.",
    "Vérifiez le mode d'import choisi dans l'ENT et consultez le bilan d'import.":
        "Check the import mode chosen in the ENT and read the import report.",
    "Vérifiez que vous avez importé le fichier analysé à l'étape précédente, en mode « {mode} », puis consultez le "
    "bilan d'import.":
        "Check that you imported the file analysed at the previous step, in “{mode}” mode, then read the import "
        "report.",
    "Après un import partiel, ce nombre peut être celui des seuls nouveaux arrivants, ou le total des identifiants de "
    "l'ENT : recopiez-le tel quel, l'assistant reconnaît l'un et l'autre.":
        "After a partial import, this number may be the newcomers alone, or the total of the ENT's identifiers: copy "
        "it as it is, the assistant recognises either.",
    # -- a partial export that holds everybody -------------------------------------------------------------------
    "toutes":
        "all of them",
    "presque toutes":
        "nearly all of them",
    "Passer à l'import co&mplet":
        "Switch to the full im&port",
    "Passer à l'import complet":
        "Switch to the full import",
    "Import complet choisi : choisissez à nouveau le fichier pour le vérifier dans ce mode.":
        "Full import chosen: choose the file again to check it in this mode.",
    "Si vous vouliez bien exporter tout le monde, passez à l'import complet : le fichier sera vérifié à nouveau dans "
    "ce mode, et vous l'importerez dans l'ENT en mode « {import_mode_complet} ». Sinon, refaites l'export en cochant "
    "la case, puis choisissez le nouveau fichier.":
        "If you did mean to export everybody, switch to the full import: the file will be checked again in that "
        "mode, and you will import it into the ENT in “{import_mode_complet}” mode. Otherwise, export again with the "
        "box ticked, then choose the new file.",
    # -- the identification failures page -----------------------------------------------------------------------
    "Suivre les échecs d'identification":
        "Follow the identification failures",
    "Où PRONOTE les compte":
        "Where PRONOTE counts them",
    "Comment les résoudre":
        "How to resolve them",
    "Noter le nombre affiché par PRONOTE":
        "Note the number PRONOTE shows",
    "N&ombre d'utilisateurs en échec :":
        "&Users in failure:",
    "par exemple 49":
        "for example 49",
    "Nombre d'utilisateurs en échec, affiché par PRONOTE":
        "Users in failure, as PRONOTE shows them",
    "Rele&vé le :":
        "&Date read:",
    "jj/mm/aaaa":
        "dd/mm/yyyy",
    "Relevé le : jour où PRONOTE affichait ce nombre (jj/mm/aaaa)":
        "Date read: the day PRONOTE showed this number (dd/mm/yyyy)",
    "Noter ce &nombre":
        "Note this nu&mber",
    "&Retirer le dernier nombre noté":
        "&Remove the last number noted",
    "Noté : {count} le {day}.":
        "Noted: {count} on {day}.",
    "Il remplace le nombre noté plus tôt pour ce jour.":
        "It replaces the number noted earlier for that day.",
    "Aucun nombre noté pour l'instant.":
        "No number noted yet.",
    "Retiré : {count} le {day}.":
        "Removed: {count} on {day}.",
    "Nombres notés cette année : {trend}.":
        "Numbers noted this year: {trend}.",
    "Aucun nombre noté cette année (le dernier : {count} le {day}).":
        "No number noted this year (the last one: {count} on {day}).",
    "Saisissez le nombre d'utilisateurs en échec affiché par PRONOTE (0 s'il n'y en a plus).":
        "Type the number of users in failure that PRONOTE shows (0 when there are none left).",
    "Le nombre d'utilisateurs en échec s'écrit en chiffres, par exemple 12.":
        "The number of users in failure is written in digits, for example 12.",
    "Ce nombre est plus grand que celui des personnes d'un établissement : vérifiez-le.":
        "This number is larger than a school's people: check it.",
    "Ce jour est à venir : indiquez le jour où vous avez relevé ce nombre dans PRONOTE.":
        "That day is still to come: give the day you read this number in PRONOTE.",
    "Écrivez le jour du relevé sous la forme jj/mm/aaaa, par exemple {example}.":
        "Write the day it was read as dd/mm/yyyy, for example {example}.",
    # -- schools kept apart --------------------------------------------------------------------------------------
    "L'assistant suit déjà un établissement avec ce code UAI ({name}) : ouvrez-le plutôt que d'en créer un second, ou "
    "corrigez le code UAI.":
        "The assistant already follows a school with this UAI code ({name}): open it rather than making a second "
        "one, or correct the UAI code.",
    "Ce code UAI est déjà celui de « {name} », suivi par l'assistant.":
        "This UAI code is already that of “{name}”, followed by the assistant.",
    "&Ouvrir l'établissement « {name} »":
        "&Open the school “{name}”",
    "Le serveur PRONOTE à cette adresse se présente comme « {served} », et non comme « {typed} » : vérifiez "
    "l'adresse PRONOTE avant de passer les parties 1 et 2. S'il s'agit bien de votre établissement, choisissez "
    "ci-dessous.":
        "The PRONOTE server at this address calls itself “{served}”, not “{typed}”: check the PRONOTE address before "
        "skipping parts 1 and 2. If it is your school indeed, choose below.",
    # -- the declared path on part 2 -----------------------------------------------------------------------------
    "Le serveur PRONOTE a répondu sans déléguer l'authentification à {ent_name} : vérifiez la configuration et la "
    "publication dans pronote.net, puis vérifiez à nouveau la délégation.":
        "The PRONOTE server answered without delegating authentication to {ent_name}: check the configuration and "
        "the publication in pronote.net, then check the delegation again.",
    "CAS inactif":
        "CAS inactive",
    "CAS vers {cas_host}":
        "CAS towards {cas_host}",
    "Déclaration impossible pour l'instant : le {date}, le serveur PRONOTE a répondu sans déléguer l'authentification "
    "à {ent_name} ({seen}). Déclarer la bascule irait contre ce que montre le serveur. Dans pronote.net, vérifiez que "
    "la configuration « {pronote_net_configuration} » est choisie et que la base est publiée (« Publier la base »), "
    "puis cliquez à nouveau sur « Vérifier la délégation ».":
        "Declaring is not possible for now: on {date}, the PRONOTE server answered without delegating authentication "
        "to {ent_name} ({seen}). Declaring the switch would go against what the server shows. In pronote.net, check "
        "that the “{pronote_net_configuration}” configuration is chosen and that the base is published (“Publier la "
        "base”), then click “Check the delegation” again.",
    # -- the matching preview ------------------------------------------------------------------------------------
    "Pour accepter ou rejeter une paire, sélectionnez dans le tableau une ligne au statut « probable ».":
        "To accept or reject a pair, select in the table a row whose status is “probable”.",
    # -- after the issue-20 merge: PRONOTE's words are the ENT data file's labels ---------------------------------
    "Ce fichier contient {count} personnes déjà importées ({how}) : dans PRONOTE, la case "
    "« {pronote_export_checkbox} » n'était sans doute pas cochée. Refaites l'export.":
        "This file holds {count} people already imported ({how}): in PRONOTE, the “{pronote_export_checkbox}” box "
        "was probably not ticked. Export again.",
    "Après l'import, un élève, un parent ou un personnel que PRONOTE ne reconnaît pas quand il arrive depuis "
    "{ent_name} voit « {pronote_failure_message} ». Ces échecs se suivent et se corrigent dans PRONOTE, un par un.":
        "After the import, a pupil, a parent or a staff member whom PRONOTE does not recognise when arriving from "
        "{ent_name} sees “{pronote_failure_message}”. These failures are followed and fixed in PRONOTE, one by one.",
    "Dans le client PRONOTE, connecté en Superviseur (SPR), la page d'accueil montre un panneau "
    "« {pronote_home_failures_panel} » : « … {pronote_home_failures_count} ». Relevez ce nombre après chaque import, "
    "puis de temps en temps : noté ci-dessous, il s'affiche avec son évolution sur le tableau de bord de "
    "l'assistant.":
        "In the PRONOTE client, logged in as Supervisor (SPR), the home page shows a “{pronote_home_failures_panel}” "
        "panel: “… {pronote_home_failures_count}”. Read that number after each import, then now and then: noted "
        "below, it shows with how it changes on the assistant's status board.",
    "Dans le client PRONOTE, un par un, avec l'outil « {pronote_failures_tool} » : dans les versions de PRONOTE "
    "documentées, {pronote_failures_menu}. Selon votre version, ce menu peut avoir changé de place : cherchez alors "
    "« {pronote_failures_tool} » dans l'aide de PRONOTE.":
        "In the PRONOTE client, one by one, with the “{pronote_failures_tool}” tool: in the documented versions of "
        "PRONOTE, “{pronote_failures_menu}”. Depending on your version, that menu may have moved: then search for "
        "“{pronote_failures_tool}” in PRONOTE's help.",
    "Causes possibles – des hypothèses à vérifier au cas par cas, non une liste établie :\n"
    "• un nouvel arrivant pour qui l'import partiel n'a pas encore été fait ;\n"
    "• un export fait avec la case « {pronote_export_checkbox} » dans le mauvais état pour le mode d'import ;\n"
    "• un nom ou une date de naissance qui diffère entre PRONOTE et l'ENT ;\n"
    "• un compte supprimé puis recréé, dans l'ENT ou dans PRONOTE.":
        "Possible causes – hypotheses to check case by case, not an established list:\n"
        "• a newcomer for whom the partial import has not been done yet;\n"
        "• an export made with the “{pronote_export_checkbox}” box in the wrong state for the import mode;\n"
        "• a name or a birth date that differs between PRONOTE and the ENT;\n"
        "• an account deleted and created again, in the ENT or in PRONOTE.",
    "Si un utilisateur voit « {pronote_failure_message} » en ouvrant PRONOTE depuis l'ENT, ses données dans l'ENT ne "
    "correspondent pas à celles de PRONOTE : résolvez-le dans PRONOTE, {pronote_failures_menu}. Conseil : pour un "
    "nouvel arrivant, vérifiez d'abord qu'un import partiel a été fait. La page précédente, « Suivre les échecs "
    "d'identification » (aussi sur le tableau de bord), dit où PRONOTE compte ces échecs.":
        "If a user sees “{pronote_failure_message}” when opening PRONOTE from the ENT, their data in the ENT does "
        "not match PRONOTE's: resolve it in PRONOTE, “{pronote_failures_menu}”. Tip: for a newcomer, first check "
        "that a partial import was made. The previous page, “Follow the identification failures” (also on the "
        "status board), says where PRONOTE counts these failures.",
    "Quand les données d'un utilisateur dans l'ENT ne correspondent pas à celles de PRONOTE, PRONOTE lui affiche "
    "« {pronote_failure_message} ». Ces échecs se résolvent dans PRONOTE : {pronote_failures_menu} ; la page suivante "
    "dit où PRONOTE les compte.":
        "When a user's data in the ENT does not match PRONOTE's, PRONOTE shows them “{pronote_failure_message}”. "
        "These failures are resolved in PRONOTE: “{pronote_failures_menu}”; the next page says where PRONOTE counts "
        "them.",
    "Panneau de la page d'accueil du client PRONOTE connecté en Superviseur, sur la capture du tutoriel.":
        "A panel of the PRONOTE client's home page when logged in as Supervisor, on the tutorial's screenshot.",
    "La phrase de ce panneau, après le nombre (49 sur la capture du tutoriel).":
        "That panel's sentence, after the number (49 on the tutorial's screenshot).",
}
