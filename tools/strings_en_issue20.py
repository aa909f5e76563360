"""English for issue 20's texts: facts with their sources (the ENT data file's validation, the help's « Sources »,
the pages' caveats), logins today, texts reworded to state only what a source supports. For whoever updates the
translations: .venv/bin/python tools/update_translations.py, then
.venv/bin/python tools/apply_translations.py tools/strings_en_issue20.py"""
EN = {
    "Sans fenêtre : l'option --colonne, par exemple --colonne identifiant=1 --colonne nom=2 --colonne prenom=3.":
        "Without the window: the --colonne option, for example “--colonne identifiant=1 --colonne nom=2 "
        "--colonne prenom=3”.",
    "Fichier refusé par sécurité : {reason} ; l'assistant ne lit pas un tel fichier.":
        "File refused for safety: {reason}; the assistant does not read such a file.",
    "Fichier refusé : il contient un texte ou une balise démesurés ; l'assistant ne lit pas un tel fichier.":
        "File refused: it holds an outsized text or tag; the assistant does not read such a file.",
    "Fichier refusé : un de ses éléments porte des centaines d'attributs ; l'assistant ne lit pas un tel fichier.":
        "File refused: one of its elements carries hundreds of attributes; the assistant does not read such a file.",
    # the ENT data file's checks
    "doit être un objet JSON : sa valeur (value), ses sources (sources), la date où elle a été confirmée "
    "(confirmed) et son état (status)":
        "must be a JSON object: its value (value), its sources (sources), the date it was confirmed (confirmed) and "
        "its state (status)",
    "doit être « confirmed », « unconfirmed », « inferred » ou « advice »":
        "must be “confirmed”, “unconfirmed”, “inferred” or “advice”",
    "doit être une liste non vide d'identifiants de sources": "must be a non-empty list of source identifiers",
    "doit être une date AAAA-MM-JJ (ou AAAA-MM, ou AAAA)": "must be a date YYYY-MM-DD (or YYYY-MM, or YYYY)",
    "est une date future": "is a date in the future",
    "doit être un objet JSON non vide": "must be a non-empty JSON object",
    "n'est citée par aucun fait": "is cited by no fact",
    "doit être un nom de repère en minuscules (lettres, chiffres, _) qui ne soit pas déjà pris":
        "must be a lower-case placeholder name (letters, digits, _) not already taken",
    "cite une source inconnue : « {source} » (elle doit être décrite sous « sources »)":
        "cites an unknown source: “{source}” (it must be described under “sources”)",
    # what each fact is, in the help's « Sources »
    "Nom de l'ENT": "Name of the ENT",
    "Adresse publique de l'ENT": "Public address of the ENT",
    "Domaine des sites ENT des établissements": "Domain of the schools' ENT sites",
    "Serveur CAS de l'ENT": "CAS server of the ENT",
    "ENT précédent": "Previous ENT",
    "Connexion des élèves et des parents à l'ENT": "How pupils and parents log in to the ENT",
    "Connexion des personnels à l'ENT": "How staff log in to the ENT",
    "Entrée « Socle ENT » de l'export PRONOTE": "“Socle ENT” entry of the PRONOTE export",
    "Nom du fichier exporté par PRONOTE": "Name of the file PRONOTE exports",
    "Configuration ENT de la console d'hébergement": "ENT configuration of the hosting console",
    "Nom d'un établissement dans le récapitulatif des accès": "A school's name in the access summary",
    "Regroupement du service": "Group (“Regroupement”) of the service",
    "Type Xiti": "Type Xiti",
    "Bloc PRONOTE de la page d'accueil": "PRONOTE block of the home page",
    "Profils qui reçoivent l'accès": "Profiles given access",
    "Rôle des accès": "Role of the accesses",
    "Cible des accès": "Target of the accesses",
    "Niveau et sous-niveau des accès": "Level and sub-level of the accesses",
    "Mode d'import complet": "Full import mode",
    "Mode d'import partiel": "Partial import mode",
    "Profils dans le récapitulatif des accès": "Profiles in the access summary",
    "conseil de l'assistant": "the assistant's advice",
    "Sources": "Sources",
    "Ce que cette page affirme, et d'où cela vient :": "What this page states, and where it comes from:",
    "Les sources citées :": "The sources cited:",
    "Non confirmé pour les versions actuelles (source : {source}, {date}) : {values}. Selon votre version, l'écran "
    "peut différer.":
        "Not confirmed for current versions (source: {source}, {date}): {values}. Depending on your version, the "
        "screen may differ.",
    "Déduit d'une source voisine (source : {source}, {date}) : {values}. Vérifiez-le sur votre écran.":
        "Inferred from a neighbouring source (source: {source}, {date}): {values}. Check it on your screen.",
    "relevé le {date}, non confirmé pour les versions actuelles": "seen on {date}, not confirmed for current versions",
    "confirmé : {date}": "confirmed: {date}",
    "déduit d'une source voisine : {date}": "inferred from a neighbouring source: {date}",
    "d'après ces sources, le {date}": "according to these sources, on {date}",
    "{count} action(s) de la liste à cocher": "{count} action(s) of the checklist",
    " ; ": "; ",
    "« {value} »": "“{value}”",
    "selon la version de PRONOTE : {choices}": "depending on the PRONOTE version: {choices}",
    " ou ": " or ",
    "aucun": "none",
    "(rien)": "(nothing)",
    "{title} ({date}) :": "{title} ({date}):",
    "ne doit pas contenir de guillemets « »": "must not contain French quotation marks",
    # texts that now state only what a source supports
    "Aucune erreur bloquante trouvée. L'assistant vérifie ce qu'il reconnaît du fichier (personnes, identifiants, "
    "dates, établissement) ; le format exact qu'attend l'ENT n'est pas publié.":
        "No blocking error found. The assistant checks what it recognises of the file (people, identifiers, dates, "
        "school); the exact layout the ENT expects is not published.",
    "Choisissez le fichier des identifiants exporté depuis PRONOTE.":
        "Choose the identifier file exported from PRONOTE.",
    "« {name} » est un dossier : choisissez le fichier des identifiants exporté de PRONOTE qu'il contient.":
        "“{name}” is a folder: choose the identifier file exported from PRONOTE that it contains.",
    "CAS inactif : le serveur n'a pas encore de délégation d'authentification. La base n'a peut-être pas encore été "
    "publiée, ou la publication n'est pas terminée : vérifiez « {publish} » dans la {console}, attendez quelques "
    "minutes, puis vérifiez à nouveau.":
        "CAS inactive: the server does not delegate authentication yet. The base may not be published yet, or the "
        "publication is not finished: check “{publish}” in the “{console}”, wait a few minutes, then check again.",
    "CAS vers un autre ENT : {cas_host}. Le serveur est encore relié à un autre ENT que {ent_name} : dans la "
    "{console}, choisissez la configuration « {configuration} », confirmez, puis publiez la base.":
        "CAS towards another ENT: {cas_host}. The server is still connected to an ENT other than {ent_name}: in the "
        "“{console}”, choose the configuration “{configuration}”, confirm, then publish the base.",
    "CAS actif, mais le serveur n'indique pas l'adresse de son serveur CAS : dans la {console}, vérifiez que la "
    "configuration « {configuration} » est choisie, puis publiez la base.":
        "CAS active, but the server does not give the address of its CAS server: in the “{console}”, check that the "
        "configuration “{configuration}” is chosen, then publish the base.",
    "Si vous avez la liste des comptes ENT de l'établissement en fichier CSV (l'assistant ne sait pas quel menu de "
    "l'ENT la produit), chargez-la ici : l'assistant la compare au fichier PRONOTE et montre, profil par profil, les "
    "comptes qui seront rapprochés, ceux qui sont ambigus (jumeaux, parents homonymes) et ceux qui manquent d'un "
    "côté. Les noms restent sur ce poste, en mémoire : seuls des totaux sont enregistrés.":
        "If you have the school's list of ENT accounts as a CSV file (the assistant does not know which ENT menu "
        "produces it), load it here: the assistant compares it with the PRONOTE file and shows, profile by profile, "
        "the accounts that will be matched, those that are ambiguous (twins, namesake parents) and those missing on "
        "one side. Names stay on this computer, in memory: only totals are saved.",
    "Il vous faut :\n• un compte administrateur de l'ENT (parties 1 et 3) ;\n• pour un nouvel établissement "
    "seulement, un accès administrateur à pronote.net, dans la {hosting_console} de PRONOTE (partie 2) ;\n• le "
    "compte Superviseur (SPR) du client PRONOTE (partie 3).":
        "You need:\n• an ENT administrator account (parts 1 and 3);\n• for a new school only, administrator access "
        "to pronote.net, in PRONOTE's “{hosting_console}” (part 2);\n• the Supervisor (SPR) account of the PRONOTE "
        "client (part 3).",
    "Toujours dans le formulaire du service, donnez l'accès à chacun des cinq profils. Conseil : avant de valider, "
    "vérifiez que chaque profil, « Parent » compris, a sa ligne dans le récapitulatif.":
        "Still in the service form, give access to each of the five profiles. Tip: before saving, check that each "
        "profile, “Parent” included, has its line in the summary.",
    "Le « {ent_access_summary} » doit alors montrer ces cinq lignes. L'ENT y écrit le nom de l'établissement à sa "
    "façon, par exemple « {school_label_example} » : comparez le code UAI entre parenthèses, le profil et le rôle de "
    "chaque ligne.":
        "The “{ent_access_summary}” must then show these five lines. The ENT writes the school's name there in its "
        "own way, for example “{school_label_example}”: compare the UAI code in brackets, the profile and the role of "
        "each line.",
    "Dans l'ENT, créez le service PRONOTE avec l'authentification unique (CAS). Chaque valeur à saisir est sous son "
    "action, avec un bouton « Copier » ; cochez chaque ligne une fois faite dans le formulaire. Le formulaire a "
    "plusieurs onglets (« {ent_tab_general} », « {ent_tab_technical} »…) : cherchez chaque champ par son nom.":
        "In the ENT, create the PRONOTE service with single sign-on (CAS). Each value to type is under its action, "
        "with a “Copy” button; tick each line once done in the form. The form has several tabs (“{ent_tab_general}”, "
        "“{ent_tab_technical}”…): look for each field by its name.",
    "L'{ent_field_cas_url} est l'adresse de PRONOTE suivie de /** : elle autorise toutes les pages de votre serveur "
    "PRONOTE.":
        "The “{ent_field_cas_url}” is the PRONOTE address followed by /**: it allows every page of your PRONOTE "
        "server.",
    "Import partiel : la case « {pronote_export_checkbox} » doit être COCHÉE, sinon tout le monde est exporté à "
    "nouveau.":
        "Partial import: the box “{pronote_export_checkbox}” must be TICKED, otherwise everyone is exported again.",
    "Import complet : la case « {pronote_export_checkbox} » doit être DÉCOCHÉE, sinon les utilisateurs qui avaient "
    "déjà un identifiant CAS ne seront pas exportés.":
        "Full import: the box “{pronote_export_checkbox}” must be UNTICKED, otherwise users who already had a CAS "
        "identifier will not be exported.",
    "Aucun fichier choisi. Dans la source de l'assistant ({date}), ce fichier s'appelle {export_file_name} ; selon "
    "la version de PRONOTE, son nom peut différer.":
        "No file chosen. In the assistant's source ({date}), this file is called {export_file_name}; depending on the "
        "PRONOTE version, its name may differ.",
    "Choisissez le fichier exporté depuis PRONOTE, ou déposez-le sur cette page. L'assistant le lit sur ce poste, "
    "sans l'envoyer nulle part et sans conserver les noms : il compte les personnes par profil et signale ce qui "
    "pourrait faire échouer l'import ou laisser des comptes sans accès (identifiants manquants ou en double, fichier "
    "d'un autre établissement…).":
        "Choose the file exported from PRONOTE, or drop it on this page. The assistant reads it on this computer, "
        "without sending it anywhere and without keeping the names: it counts people per profile and points out what "
        "could make the import fail or leave accounts without access (missing or duplicate identifiers, another "
        "school's file…).",
    "{errors} erreur(s) bloquante(s) : corrigez-les dans PRONOTE et exportez de nouveau avant d'importer dans "
    "l'ENT.":
        "{errors} blocking error(s): fix them in PRONOTE and export again before importing into the ENT.",
    "La prochaine fois :\n• à l'arrivée de nouveaux élèves ou personnels, relancez l'assistant et choisissez "
    "« Import partiel (nouveaux arrivants) » ;\n• en début d'année scolaire, choisissez « Nouvelle année scolaire » "
    "pour l'import complet (conseil : mettez aussi à jour la version de PRONOTE dans le service de l'ENT si elle a "
    "changé).\nLes parties 1 et 2 n'ont pas à être refaites.":
        "Next time:\n• when new pupils or staff arrive, open the assistant again and choose “Partial import (new "
        "arrivals)”;\n• at the start of the school year, choose “New school year” for the full import (tip: also "
        "update the PRONOTE version in the ENT service if it changed).\nParts 1 and 2 need not be done again.",
    "La fiche de configuration garde la trace de ce qui a été réglé et vérifié (sans aucune donnée personnelle). La "
    "notice dit aux familles et aux personnels avec quels identifiants se connecter et comment ouvrir PRONOTE.":
        "The configuration record keeps track of what was set and verified (with no personal data at all). The "
        "notice tells families and staff which credentials to log in with and how to open PRONOTE.",
    "Avec quels identifiants ? Pour entrer dans {ent_name}, les élèves et les parents utilisent "
    "{login_pupils_parents} ; les personnels de l'Éducation nationale, {login_staff}. Le client PRONOTE installé sur "
    "les postes garde ses propres identifiants.":
        "With which credentials? To enter {ent_name}, pupils and parents use {login_pupils_parents}; Éducation "
        "nationale staff, {login_staff}. The PRONOTE client installed on computers keeps its own credentials.",
    "Première connexion : la première fois qu'un élève, un parent ou un personnel ouvre PRONOTE depuis {ent_name}, "
    "une page de « première connexion » lui est proposée une seule fois. Ensuite, un clic sur {service_title} dans "
    "le menu {service_regroupement} suffit (élèves et parents ont aussi le bloc PRONOTE de leur page d'accueil).":
        "First connection: the first time a pupil, a parent or a staff member opens PRONOTE from {ent_name}, a "
        "“première connexion” page is offered to them once. After that, one click on “{service_title}” in the "
        "“{service_regroupement}” menu is enough (pupils and parents also have the PRONOTE block on their home page).",
    "Si un utilisateur voit « {pronote_failure_message} » en ouvrant PRONOTE depuis l'ENT, ses données dans l'ENT ne "
    "correspondent pas à celles de PRONOTE : résolvez-le dans PRONOTE, {pronote_failures_menu}. Conseil : pour un "
    "nouvel arrivant, vérifiez d'abord qu'un import partiel a été fait.":
        "If a user sees “{pronote_failure_message}” when opening PRONOTE from the ENT, their data in the ENT does "
        "not match PRONOTE's: resolve it in PRONOTE, “{pronote_failures_menu}”. Tip: for a newcomer, first check "
        "that a partial import was made.",
    "Après « {button} », l'ENT affiche un bilan, par exemple : « {message} » ({source}, {date}). Recopiez ci-dessous "
    "le nombre qu'il annonce (mode d'import choisi : « {mode_label} »).":
        "After “{button}”, the ENT shows a report, for example: “{message}” ({source}, {date}). Copy below the "
        "number it reports (import mode chosen: “{mode_label}”).",
    "Dans la {hosting_console} de PRONOTE (l'hébergement de votre serveur PRONOTE) :":
        "In PRONOTE's “{hosting_console}” (the hosting of your PRONOTE server):",
    "Après « {hosting_publish} », votre serveur PRONOTE doit confier l'authentification au serveur CAS de "
    "{ent_name} ({ent_cas_host}). Vérifiez-le ici une fois la base publiée.":
        "After “{hosting_publish}”, your PRONOTE server must hand authentication to the CAS server of {ent_name} "
        "({ent_cas_host}). Check it here once the base is published.",
    "• si la console d'hébergement était réglée pour un autre ENT, ce réglage est remplacé : la console prévient "
    "que les paramètres renseignés seront supprimés ;":
        "• if the hosting console was set for another ENT, that setting is replaced: the console warns that the "
        "settings entered will be deleted;",
    "Ce qui ne change pas : le client PRONOTE (le logiciel installé) garde ses propres identifiants PRONOTE.":
        "What does not change: the PRONOTE client (the installed software) keeps its own PRONOTE credentials.",
    "• élèves, parents et personnels ouvrent PRONOTE depuis {ent_name}, ou à l'adresse de PRONOTE avec leurs "
    "identifiants de l'ENT : pour les élèves et les parents, {login_pupils_parents} ; pour les personnels de "
    "l'Éducation nationale, {login_staff}.":
        "• pupils, parents and staff open PRONOTE from {ent_name}, or at the PRONOTE address with their ENT "
        "credentials: for pupils and parents, {login_pupils_parents}; for Éducation nationale staff, {login_staff}.",
    "La partie 2 confie l'authentification de votre serveur PRONOTE à {ent_name}. Dès la publication :":
        "Part 2 hands your PRONOTE server's authentication to {ent_name}. From publication on:",
    "Nous sommes le {today}, près de la rentrée. Conseil : c'est un bon moment pour basculer, tout le monde "
    "découvre le nouvel accès en même temps.":
        "Today is {today}, close to the start of the school year. Tip: it is a good moment to switch, "
        "everyone discovers the new access at the same time.",
    "Nous sommes le {today}, en cours d'année scolaire. Conseil : la bascule change du jour au lendemain la "
    "façon dont chacun se connecte à PRONOTE ; sauf décision de la direction et information préalable des familles "
    "et des personnels, attendez la pré-rentrée. Vous pouvez quitter l'assistant et reprendre plus tard.":
        "Today is {today}, during the school year. Tip: the switch changes overnight how everyone logs in "
        "to PRONOTE; unless the management decides otherwise and families and staff are told beforehand, wait for "
        "the back-to-school period. You can quit the assistant and resume later.",
    "Après l'import, faites dans l'ENT les rapprochements de comptes nécessaires, profil par profil, puis lisez le "
    "bilan d'import :":
        "After the import, make the account matchings needed in the ENT, profile by profile, then read the import "
        "report:",
    "Quand les données d'un utilisateur dans l'ENT ne correspondent pas à celles de PRONOTE, PRONOTE lui affiche "
    "« {pronote_failure_message} ». Ces échecs se résolvent dans PRONOTE : {pronote_failures_menu}.":
        "When a user's data in the ENT does not match PRONOTE's, PRONOTE shows them “{pronote_failure_message}”. "
        "These failures are resolved in PRONOTE: “{pronote_failures_menu}”.",
    # the checklists of the ENT data file
    "Dans l'ENT, avec votre compte administrateur : menu {ent_menu_services}, bouton « {ent_button_new_service} ».":
        "In the ENT, with your administrator account: menu “{ent_menu_services}”, button “{ent_button_new_service}”.",
    "Intitulé du service : « {service_title} ». Conseil : gardez ce nom, c'est celui que la notice donne aux "
    "familles.":
        "Service title (“Intitulé”): “{service_title}”. Tip: keep this name, it is the one the notice gives "
        "families.",
    "{ent_field_sso_type} : « {service_sso_type} ».": "“{ent_field_sso_type}”: “{service_sso_type}”.",
    "L'adresse de votre serveur PRONOTE.": "The address of your PRONOTE server.",
    "{ent_field_xiti} : ne rien saisir (laisser « {ent_xiti_default} »).":
        "“{ent_field_xiti}”: type nothing (leave “{ent_xiti_default}”).",
    "{ent_field_regroupement} : « {service_regroupement} », pour que les familles trouvent PRONOTE toujours au même "
    "endroit, y compris les parents qui ont des enfants dans plusieurs établissements.":
        "“{ent_field_regroupement}”: “{service_regroupement}”, so that families always find PRONOTE in the same "
        "place, including parents with children in several schools.",
    "La version de votre serveur PRONOTE.": "The version of your PRONOTE server.",
    "{ent_field_cas_url} : l'adresse de PRONOTE suivie de /** (toutes les pages sous la racine).":
        "“{ent_field_cas_url}”: the PRONOTE address followed by /** (every page under the root).",
    "Onglet « {ent_tab_access} » : rôle « {access_role} », cible « {access_target} », profil « Élève », "
    "« {ent_field_level} » et « {ent_field_sublevel} » laissés à « {access_level} », puis "
    "« {ent_button_add_access} ».":
        "Tab “{ent_tab_access}”: role “{access_role}”, target “{access_target}”, profile “Élève”, "
        "“{ent_field_level}” and “{ent_field_sublevel}” left at “{access_level}”, then “{ent_button_add_access}”.",
    "Même opération pour le profil « Parent », puis « {ent_button_add_access} ».":
        "Same for the profile “Parent”, then “{ent_button_add_access}”.",
    "Même opération pour le profil « Enseignant », puis « {ent_button_add_access} ».":
        "Same for the profile “Enseignant”, then “{ent_button_add_access}”.",
    "Même opération pour le profil « Non enseignant », puis « {ent_button_add_access} ».":
        "Same for the profile “Non enseignant”, then “{ent_button_add_access}”.",
    "Même opération pour le profil « Autre », puis « {ent_button_add_access} ».":
        "Same for the profile “Autre”, then “{ent_button_add_access}”.",
    "Le « {ent_access_summary} » montre une ligne par profil pour votre établissement, sous le nom que l'ENT lui "
    "donne (par exemple « {school_label_example} ») : cliquez sur « {ent_button_validate} ».":
        "The “{ent_access_summary}” shows one line per profile for your school, under the name the ENT gives it "
        "(for example “{school_label_example}”): click “{ent_button_validate}”.",
    "Ouvrez la {hosting_console} de PRONOTE, volet « {hosting_panel} ».":
        "Open PRONOTE's “{hosting_console}”, panel “{hosting_panel}”.",
    "Cliquez sur « {hosting_stop} » : l'intégration dans un ENT ne se modifie que publication arrêtée.":
        "Click “{hosting_stop}”: the ENT integration can only be changed while publication is stopped.",
    "Onglet « {hosting_integration_tab} » : choisissez la configuration ENT « {pronote_net_configuration} ».":
        "Tab “{hosting_integration_tab}”: choose the ENT configuration “{pronote_net_configuration}”.",
    "Au message « {hosting_confirmation} », confirmez par « {hosting_confirm_button} ».":
        "At the message “{hosting_confirmation}”, confirm with “{hosting_confirm_button}”.",
    "Cliquez sur « {hosting_publish} ».": "Click “{hosting_publish}”.",
    "Menu {pronote_export_menu}.": "Menu “{pronote_export_menu}”.",
    "Liste déroulante « {pronote_export_socle_field} » : {socle_ent}.":
        "Drop-down list “{pronote_export_socle_field}”: {socle_ent}.",
    "Case « {pronote_export_checkbox} » : DÉCOCHÉE. Ceux qui ont déjà un identifiant CAS doivent aussi être "
    "exportés, pour que PRONOTE puisse le remplacer.":
        "Box “{pronote_export_checkbox}”: UNTICKED. Those who already have a CAS identifier must be exported too, so "
        "that PRONOTE can replace it.",
    "Case « {pronote_export_checkbox} » : COCHÉE. Seuls les nouveaux arrivants seront exportés.":
        "Box “{pronote_export_checkbox}”: TICKED. Only newcomers will be exported.",
    "Dans l'ENT, avec votre compte administrateur : menu {ent_menu_import}.":
        "In the ENT, with your administrator account: menu “{ent_menu_import}”.",
    "{ent_field_import_mode} : « {import_mode_complet} ».": "“{ent_field_import_mode}”: “{import_mode_complet}”.",
    "{ent_field_import_mode} : « {import_mode_partiel} ».": "“{ent_field_import_mode}”: “{import_mode_partiel}”.",
    "{ent_field_import_file} : le fichier vérifié à l'étape précédente, puis « {ent_button_import} ».":
        "“{ent_field_import_file}”: the file checked at the previous step, then “{ent_button_import}”.",
    "Rapprochement des comptes des enseignants qui en ont besoin.": "Matching of the teachers' accounts that need it.",
    "Rapprochement des comptes des élèves qui en ont besoin.": "Matching of the pupils' accounts that need it.",
    "Rapprochement des comptes des parents qui en ont besoin.": "Matching of the parents' accounts that need it.",
    "Lecture du bilan d'import, « {ent_import_report} » (nombre de comptes importés).":
        "Reading of the import report, “{ent_import_report}” (number of accounts imported).",
    # logins and notes of the ENT data file
    "leur compte ÉduConnect (le compte de l'Éducation nationale) ou, si l'établissement leur en a remis un, leur "
    "compte de l'ENT":
        "their ÉduConnect account (the Éducation nationale account) or, if the school gave them one, their ENT "
        "account",
    "leur compte académique (l'identifiant et le mot de passe de l'académie)":
        "their “académie” account (the username and password of their “académie”)",
    "En 2019, la partie 2 coupait l'accès à PRONOTE depuis l'ENT précédent, l'ENT-LR, que mon ENT Occitanie "
    "remplaçait. Aucun établissement ne quitte aujourd'hui un autre ENT pour celui-ci : l'assistant ne parle donc "
    "d'aucun ENT précédent.":
        "In 2019, part 2 cut access to PRONOTE from the previous ENT, ENT-LR, which mon ENT Occitanie replaced. No "
        "school leaves another ENT for this one today: so the assistant speaks of no previous ENT.",
    "ÉduConnect a remplacé les comptes ATEN des élèves et des parents (2022–2023) ; des comptes propres à l'ENT "
    "restent, par exemple dans les lycées agricoles.":
        "ÉduConnect replaced the ATEN accounts of pupils and parents (2022–2023); accounts of the ENT's own remain, "
        "for example in agricultural high schools.",
    "Le tutoriel de 2019 nommait ce compte ARENA.": "The 2019 tutorial called this account ARENA.",
    "« K-d'école » en 2019 ; l'ENT s'appelle aujourd'hui Skolengo, mais aucune source récente ne montre le libellé "
    "de cette liste dans PRONOTE.":
        "“K-d'école” in 2019; the ENT is called Skolengo today, but no recent source shows this list's label in "
        "PRONOTE.",
    "Le tutoriel ne fixe pas l'intitulé ; il parle du « lien Pronote » du menu Scolarité : l'assistant conseille ce "
    "nom, que sa notice donne aux familles.":
        "The tutorial does not set the title; it speaks of the “lien Pronote” of the “Scolarité” menu: the assistant "
        "advises this name, which its notice gives families.",
    "Confirmé sur un autre ENT Skolengo, pas sur mon ENT Occitanie lui-même.":
        "Confirmed on another Skolengo ENT, not on mon ENT Occitanie itself.",
    "Le même nombre qu'après l'import complet : le bilan d'un import partiel donne peut-être le total, pas le lot ; "
    "aucune source ne le dit.":
        "The same number as after the full import: a partial import's report may give the total, not the batch; no "
        "source says.",
    "Relevé dans l'aide d'une autre région (Atrium Sud), qui utilise la même console.":
        "Seen in another region's help (Atrium Sud), which uses the same console.",
}
