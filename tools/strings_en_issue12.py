"""English for the texts of issue 12 (the already-connected triage, the side panel, honest statuses, the proxy
dialog, the matching preview's words) and the revision of older entries: French « » become “ ”, no French word
outside the quoted names of the ENT's and PRONOTE's own menus, buttons and fields, no Alt+letter on B, N, F or H.
For whoever updates the translations: .venv/bin/python tools/update_translations.py, then
.venv/bin/python tools/apply_translations.py tools/strings_en_issue12.py"""
EN = {
    # -- new texts --
    "Basculer pronote.net vers {ent_name}":
        "Switch pronote.net to {ent_name}",
    "Choisissez le fichier {export_file_name} exporté depuis PRONOTE.":
        "Choose the {export_file_name} file exported from PRONOTE.",
    "Sûr":
        "Sure",
    "Probable":
        "Probable",
    "Ambigu":
        "Ambiguous",
    "Seulement dans PRONOTE":
        "Only in PRONOTE",
    "Seulement dans l'ENT":
        "Only in the ENT",
    "Sûrs":
        "Sure",
    "Probables":
        "Probable",
    "Ambigus":
        "Ambiguous",
    "Accepté":
        "Accepted",
    "Rejeté":
        "Rejected",
    "À examiner (tous sauf les sûrs)":
        "To review (all but the sure ones)",
    "&Détails (score, raisons)":
        "&Details (score, reasons)",
    "A&ccepter la paire":
        "A&ccept the pair",
    "Comptes rapprochés par l'assistant, tous profils :":
        "Accounts matched by the assistant, all profiles:",
    "• {status} : {count}":
        "• {status}: {count}",
    "… et {more} autre(s) ligne(s) : affinez avec les filtres, ou exportez la feuille de travail qui les "
    "contient toutes.":
        "… and {more} more row(s): narrow them down with the filters, or export the worksheet, which holds them "
        "all.",
    "Proxy pour la vérification du serveur":
        "Proxy for the server check",
    "&Proxy à utiliser (facultatif) :":
        "&Proxy to use (optional):",
    "Proxy à utiliser pour la vérification du serveur PRONOTE":
        "Proxy to use for the PRONOTE server check",
    "Laissez vide pour utiliser celui du poste. Un identifiant et un mot de passe du proxy "
    "(http://identifiant:motdepasse@proxy:3128) servent jusqu'à la fermeture de l'assistant et ne sont jamais "
    "enregistrés.":
        "Leave empty to use this computer's proxy. A proxy user name and password "
        "(http://username:password@proxy:3128) are used until the assistant is closed and are never saved.",
    "Par défaut, l'assistant passe par le proxy réglé sur ce poste : {proxy}.":
        "By default, the assistant goes through the proxy set on this computer: {proxy}.",
    "aucun (connexion directe)":
        "none (direct connection)",
    "Proxy…":
        "Proxy…",
    "Réglages du proxy pour la vérification du serveur":
        "Proxy settings for the server check",
    "Assistant d'interconnexion PRONOTE":
        "PRONOTE interconnection assistant",
    "Étapes de l'assistant":
        "The assistant's steps",
    "Parties 1 et 2 : déjà faites":
        "Parts 1 and 2: already done",
    "Quitter l'assistant ? Votre progression est enregistrée sur ce poste : vous reprendrez à cette page en le "
    "relançant.":
        "Quit the assistant? Your progress is saved on this computer: you will come back to this page when you "
        "open it again.",
    "&Quitter":
        "&Quit",
    "&Rester":
        "&Stay",
    "Quitter l'assistant ? Attention : vos dernières modifications n'ont pas pu être enregistrées et seront "
    "perdues. {problem}":
        "Quit the assistant? Warning: your latest changes could not be saved and will be lost. {problem}",
    "&Vérifier maintenant sur le serveur PRONOTE":
        "&Verify now on the PRONOTE server",
    "Import partiel (nouveaux arr&ivants)":
        "Partial import (new arr&ivals)",
    "Établissement et langue":
        "School and language",
    "Chaque année, les établissements déjà reliés à l'ENT reviennent ici pour la partie 3 : l'import complet des "
    "identifiants PRONOTE à la rentrée, puis un import partiel à chaque arrivée de nouveaux élèves ou "
    "personnels. Si votre établissement est déjà relié, l'assistant le vérifie sur votre serveur PRONOTE à la "
    "page suivante et vous mène directement à la partie 3.":
        "Every year, schools already connected to the ENT come back here for part 3: the full import of PRONOTE "
        "identifiers at the start of the school year, then a partial import whenever new pupils or staff arrive. "
        "If your school is already connected, the assistant checks it on your PRONOTE server on the next page "
        "and takes you straight to part 3.",
    "Il vous faut :\n"
    "• un compte administrateur de l'ENT (parties 1 et 3) ;\n"
    "• pour un nouvel établissement seulement, un accès administrateur à pronote.net, la console d'hébergement "
    "de PRONOTE (partie 2) ;\n"
    "• le compte Superviseur (SPR) du client PRONOTE (partie 3).":
        "You will need:\n"
        "• an ENT administrator account (parts 1 and 3);\n"
        "• for a new school only, an administrator access to pronote.net, PRONOTE's hosting console (part 2);\n"
        "• the Supervisor (SPR) account of the PRONOTE client (part 3).",
    "Interconnexion PRONOTE – {ent_name}":
        "PRONOTE – {ent_name} interconnection",
    "Cet assistant vous guide, page par page, pour relier votre serveur PRONOTE à {ent_name} : élèves, parents "
    "et personnels ouvrent alors PRONOTE depuis l'ENT sans se reconnecter. Il ne peut pas cliquer à votre place "
    "dans l'ENT ou dans PRONOTE : il vous dit exactement quoi faire et quoi saisir, et vérifie tout ce qu'il "
    "peut. Vous pouvez vous arrêter à tout moment : la progression est gardée sur ce poste, et vous reprendrez à "
    "la même page.":
        "This assistant guides you, page by page, through connecting your PRONOTE server to {ent_name}: pupils, "
        "parents and staff then open PRONOTE from the ENT without logging in again. It cannot click for you in "
        "the ENT or in PRONOTE: it tells you exactly what to do and what to type, and checks everything it can. "
        "You can stop at any time: your progress is kept on this computer, and you will resume on the same page.",
    "Patientez jusqu'à la fin de l'opération en cours, ou annulez-la.":
        "Wait until the current operation ends, or cancel it.",
    "L'enregistrement a échoué":
        "Saving failed",
    "Réessayer l'enregistrement":
        "Try saving again",
    "Le « Récapitulatif des droits d'accès » doit alors montrer ces cinq lignes. L'ENT y écrit le nom de "
    "l'établissement à sa façon, par exemple « {school_label_example} » : comparez le code UAI entre "
    "parenthèses, le profil et le rôle de chaque ligne.":
        "The “Récapitulatif des droits d'accès” must then show these five lines. The ENT writes the school's "
        "name there in its own way, for example “{school_label_example}”: compare the UAI code in brackets, the "
        "profile and the role of each line.",
    "Dans l'ENT, créez le service PRONOTE avec l'authentification unique (CAS). Chaque valeur à saisir est sous "
    "son action, avec un bouton « Copier » ; cochez chaque ligne une fois faite dans le formulaire.":
        "In the ENT, create the PRONOTE service with single sign-on (CAS). Each value to type is under its "
        "action, with a “Copy” button; tick each line once it is done in the form.",
    "L'URL CAS de PRONOTE est l'adresse de PRONOTE suivie de /** : elle autorise toutes les pages de votre "
    "serveur PRONOTE. Le regroupement « {service_regroupement} » place PRONOTE au même endroit pour toutes les "
    "familles, y compris les parents qui ont des enfants dans plusieurs établissements.":
        "The PRONOTE CAS URL is the PRONOTE address followed by /**: it allows every page of your PRONOTE "
        "server. The “Regroupement” value “{service_regroupement}” puts PRONOTE in the same place for every "
        "family, including parents with children in several schools.",
    "Intitulé du service":
        "Service title (“Intitulé”)",
    "Regroupement":
        "Group (“Regroupement”)",
    "Ces informations servent à toutes les étapes : l'assistant en déduit les valeurs à saisir dans l'ENT (dont "
    "l'URL CAS de PRONOTE), vérifie les codes et interroge votre serveur PRONOTE pour savoir si l'interconnexion "
    "est déjà en place.":
        "This information is used at every step: the assistant derives from it the values to type in the ENT "
        "(including the PRONOTE CAS URL), checks the codes and queries your PRONOTE server to find out whether "
        "the interconnection is already in place.",
    "Le serveur PRONOTE confie déjà l'authentification à {ent_name} : les parties 1 et 2 ont été faites. Il "
    "reste l'import des identifiants (partie 3).":
        "The PRONOTE server already hands authentication to {ent_name}: parts 1 and 2 have been done. What "
        "remains is the identifier import (part 3).",
    "Si votre établissement ouvre déjà PRONOTE depuis {ent_name}, vous pouvez passer à la partie 3 ; sinon, "
    "reprenez depuis la partie 1.":
        "If your school already opens PRONOTE from {ent_name}, you can go on to part 3; otherwise, start again "
        "from part 1.",
    "L'interconnexion est déjà en place : passer à l'import des identifiants (recommandé)":
        "The interconnection is already in place: go to the identifier import (recommended)",
    "L'interconnexion est déjà en place, je le déclare (le serveur n'a pas pu le confirmer ; ce sera noté « "
    "déclaré, non vérifié ») : passer à l'import des identifiants":
        "The interconnection is already in place, I declare it (the server could not confirm it; it will be "
        "recorded as “declared, not verified”): go to the identifier import",
    "Tout reprendre depuis la partie 1 (création du service dans l'ENT)":
        "Start again from part 1 (creating the service in the ENT)",
    "L'interconnexion avec {ent_name} est-elle déjà en place ?":
        "Is the interconnection with {ent_name} already in place?",
    "L'assistant interroge votre serveur PRONOTE (il faut une connexion à Internet) pour vérifier l'adresse, "
    "relever la version et voir si PRONOTE est déjà relié à {ent_name}. Rien d'autre n'est envoyé.":
        "The assistant queries your PRONOTE server (an Internet connection is needed) to check the address, read "
        "the version and see whether PRONOTE is already connected to {ent_name}. Nothing else is sent.",
    "Import complet : la case « Uniquement les utilisateurs sans identifiants CAS » doit être DÉCOCHÉE, sinon "
    "les utilisateurs qui avaient déjà un identifiant CAS ne seront pas exportés.":
        "Full import: the “Uniquement les utilisateurs sans identifiants CAS” box must be UNTICKED, otherwise "
        "users who already had a CAS identifier will not be exported.",
    "&Détails techniques":
        "&Technical details",
    "Fichier : {name} – {size}":
        "File: {name} – {size}",
    "… et {more} autre(s) remarque(s) : la liste complète s'obtient avec la commande « check --json ».":
        "… and {more} more remark(s): the full list comes with the “check --json” command.",
    "Empreinte SHA-256 du fichier : {sha}":
        "SHA-256 fingerprint of the file: {sha}",
    "Encodage : {encoding}":
        "Encoding: {encoding}",
    "Champs utilisés : {fields}":
        "Fields used: {fields}",
    "Ce que l'assistant a vérifié, et ce qui reste à confirmer :":
        "What the assistant verified, and what remains to be confirmed:",
    "L'interconnexion est en place et l'assistant a pu tout vérifier :":
        "The interconnection is in place and the assistant could verify everything:",
    "C&ontact indiqué sur la notice :":
        "C&ontact given on the notice:",
    "Import dans l'ENT : {count} identifiant(s) annoncé(s) par l'ENT, recopié(s) par vous.":
        "Import into the ENT: {count} identifier(s), as reported by the ENT and typed in by you.",
    "Si un utilisateur voit « Identification impossible » en ouvrant PRONOTE depuis l'ENT, son compte n'a pas "
    "été rapproché : faites le rapprochement de son compte dans l'ENT, ou corrigez-le dans PRONOTE : "
    "Communication > Gestion des identités > Résolution des échecs d'interconnexion.":
        "If a user sees “Identification impossible” when opening PRONOTE from the ENT, their account has not "
        "been matched: match their account in the ENT, or fix it in PRONOTE: “Communication > Gestion des "
        "identités > Résolution des échecs d'interconnexion”.",
    "Parties 1 et 2 : non vérifiées":
        "Parts 1 and 2: not verified",
    "Fichier des identifiants vérifié : {total} personne(s), aucune erreur bloquante.":
        "Identifier file checked: {total} person(s), no blocking error.",
    "&Imprimer la fiche…":
        "&Print the record…",
    "&Enregistrer la fiche en PDF…":
        "&Save the record as PDF…",
    "Imprimer la &notice…":
        "Print the no&tice…",
    "Enregistrer la notice en P&DF…":
        "Save the notice as P&DF…",
    "Première connexion : la première fois qu'un élève, un parent ou un personnel ouvre PRONOTE depuis "
    "{ent_name}, une page de « première connexion » lui est proposée une seule fois. Ensuite, un clic sur "
    "{service_title} dans le menu {service_regroupement} (ou sur le bloc PRONOTE de la page d'accueil) suffit. "
    "Le client PRONOTE installé sur les postes garde ses propres identifiants.":
        "First connection: the first time a pupil, a parent or a staff member opens PRONOTE from {ent_name}, "
        "they are shown a “première connexion” page, once. After that, one click on “{service_title}” in the "
        "“{service_regroupement}” menu (or on the PRONOTE block of the home page) is enough. The PRONOTE client "
        "installed on computers keeps its own credentials.",
    "✓ {line}":
        "✓ {line}",
    "? {line}":
        "? {line}",
    "Après « Importer », l'ENT affiche par exemple : « 1575 identifiant(s) Pronote importé(s). Dernier import "
    "fait le : 27/08/26 08:39 en mode {mode_word}. » Recopiez le nombre ci-dessous (mode d'import choisi : « "
    "{mode_label} »).":
        "After “Importer”, the ENT shows for example: “1575 identifiant(s) Pronote importé(s). Dernier import "
        "fait le : 27/08/26 08:39 en mode {mode_word}.” Copy the number below (import mode chosen: "
        "“{mode_label}”).",
    "Déclaration de la publication, non vérifiée":
        "Declaration of the publication, not verified",
    "Je ne peux pas faire vérifier le serveur par l'assistant : je déclare moi-même que la base a été publiée "
    "avec la configuration « {pronote_net_configuration} » (ce sera noté « déclaré, non vérifié »).":
        "I cannot have the server checked by the assistant: I declare myself that the database was published "
        "with the “{pronote_net_configuration}” configuration (it will be recorded as “declared, not verified”).",
    "Après « Publier la base », votre serveur PRONOTE doit confier l'authentification au serveur CAS de "
    "{ent_name} ({ent_cas_host}). Vérifiez-le ici une fois la base publiée.":
        "After “Publier la base”, your PRONOTE server must hand authentication to the CAS server of {ent_name} "
        "({ent_cas_host}). Check it here once the database is published.",
    "La partie 2 branche votre serveur PRONOTE sur {ent_name}. Dès la publication :":
        "Part 2 connects your PRONOTE server to {ent_name}. From publication on:",
    "• si votre établissement passait jusqu'ici par {previous_ent}, celui-ci ne peut plus ouvrir PRONOTE sans "
    "une seconde authentification ;":
        "• if your school went through {previous_ent} until now, {previous_ent} can no longer open PRONOTE "
        "without a second login;",
    "Attention : nous sommes le {today}, en dehors de la pré-rentrée. Basculer en cours d'année change "
    "du jour au lendemain la façon dont tout le monde ouvre PRONOTE. Sauf décision de la direction et "
    "information des familles, attendez la pré-rentrée (de mi-août à mi-septembre) ; vous pouvez quitter "
    "l'assistant et reprendre plus tard.":
        "Warning: today is {today}, outside the back-to-school period. Switching during the year "
        "changes overnight the way everyone opens PRONOTE. Unless the school's management has decided so and "
        "families have been told, wait for the back-to-school period (mid-August to mid-September); you can quit "
        "the assistant and resume later.",
    "Après l'import, l'ENT relie lui-même la plupart des identifiants PRONOTE à ses comptes. Depuis le bilan "
    "d'import (« Résultat d'import des identifiants Pronote »), faites le rapprochement des comptes restants, "
    "profil par profil :":
        "After the import, the ENT links most PRONOTE identifiers to its accounts by itself. From the import "
        "report (“Résultat d'import des identifiants Pronote”), match the remaining accounts, profile by profile:",
    "L'adresse du site ENT doit ressembler à {site_example}.":
        "The ENT site address should look like {site_example}.",
    "Publication déclarée le {date}, non vérifiée":
        "Publication declared on {date}, not verified",
    "Déjà en place, déclaré le {date}, non vérifié":
        "Already in place, declared on {date}, not verified",
    "Publication vérifiée sur le serveur PRONOTE le {date}":
        "Publication verified on the PRONOTE server on {date}",
    "Déjà en place, vérifié sur le serveur PRONOTE le {date}":
        "Already in place, verified on the PRONOTE server on {date}",
    "Import en cours, arrêté à l'étape « {title} ».":
        "Import in progress, stopped at the step “{title}”.",
    "{profile} : {counts}.":
        "{profile}: {counts}.",
    # -- older entries revised --
    "Toujours dans le formulaire du service, donnez l'accès à chacun des cinq profils. Oublier le profil « "
    "Parent » est l'erreur la plus courante : les familles ne verraient pas PRONOTE.":
        "Still in the service form, give access to each of the five profiles. Forgetting the “Parent” profile is "
        "the most common mistake: families would not see PRONOTE.",
    "Type de SSO":
        "SSO type (“Type de SSO”)",
    "URL CAS de PRONOTE":
        "PRONOTE CAS URL (“URL CAS de PRONOTE”)",
    "Import partiel : la case « Uniquement les utilisateurs sans identifiants CAS » doit être COCHÉE, sinon tout "
    "le monde est exporté à nouveau.":
        "Partial import: the “Uniquement les utilisateurs sans identifiants CAS” box must be TICKED, otherwise "
        "everyone is exported again.",
    "La prochaine fois :\n"
    "• à l'arrivée de nouveaux élèves ou personnels, relancez l'assistant et choisissez « Import partiel "
    "(nouveaux arrivants) » ;\n"
    "• à la pré-rentrée, choisissez « Nouvelle année scolaire » pour l'import complet, et mettez à jour la "
    "version de PRONOTE dans le service de l'ENT si elle a changé.\n"
    "Les parties 1 et 2 n'ont pas à être refaites.":
        "Next time:\n"
        "• when new pupils or staff arrive, open the assistant again and choose “Partial import (new arrivals)”;\n"
        "• in the back-to-school period, choose “New school year” for the full import, and update the PRONOTE "
        "version in the ENT service if it changed.\n"
        "Parts 1 and 2 need not be done again.",
    "Nous sommes dans la période de la pré-rentrée : c'est le bon moment pour basculer.":
        "We are in the back-to-school period: this is the right time to switch.",
    "Un compte non rapproché ne pourra pas ouvrir PRONOTE depuis l'ENT : à sa première connexion, PRONOTE "
    "affichera « Identification impossible ». Ces échecs se corrigent aussi dans PRONOTE : Communication > "
    "Gestion des identités > Résolution des échecs d'interconnexion.":
        "An unmatched account cannot open PRONOTE from the ENT: at its first connection, PRONOTE will show "
        "“Identification impossible”. These failures can also be fixed in PRONOTE: “Communication > Gestion des "
        "identités > Résolution des échecs d'interconnexion”.",
    "CAS inactif : le serveur n'a pas encore de délégation d'authentification. La base n'a peut-être pas encore "
    "été publiée, ou la publication n'est pas terminée : vérifiez « Publier la base » dans pronote.net, attendez "
    "quelques minutes, puis vérifiez à nouveau.":
        "CAS inactive: the server does not delegate authentication yet. The database may not have been published "
        "yet, or publishing is not finished: check “Publier la base” in pronote.net, wait a few minutes, then "
        "check again.",
    "Dans l'ENT, avec votre compte administrateur : menu Administration > Liste des services, bouton « Nouveau "
    "service ».":
        "In the ENT, with your administrator account: menu “Administration > Liste des services”, button "
        "“Nouveau service”.",
    "Intitulé du service : « {service_title} », le nom que les familles chercheront dans le menu « "
    "{service_regroupement} ».":
        "Service “Intitulé” (title): “{service_title}”, the name families will look for in the "
        "“{service_regroupement}” menu.",
    "Onglet « Paramètres techniques », Type de SSO : « {service_sso_type} ».":
        "Tab “Paramètres techniques”, “Type de SSO”: “{service_sso_type}”.",
    "URL d'accès : l'adresse de votre serveur PRONOTE.":
        "“URL d'accès”: the address of your PRONOTE server.",
    "Type Xiti : ne rien saisir (laisser « Indéfini(e) »).":
        "“Type Xiti”: type nothing (leave “Indéfini(e)”).",
    "Regroupement : « {service_regroupement} », pour que les familles trouvent PRONOTE toujours au même endroit.":
        "“Regroupement”: “{service_regroupement}”, so that families always find PRONOTE in the same place.",
    "Cochez « {service_bloc} » (un bloc sur la page d'accueil des élèves et des parents).":
        "Tick “{service_bloc}” (a block on the home page of pupils and parents).",
    "Version de PRONOTE : celle de votre serveur.":
        "“Version de PRONOTE”: that of your server.",
    "URL CAS de PRONOTE : l'adresse de PRONOTE suivie de /** (toutes les pages sous la racine).":
        "“URL CAS de PRONOTE”: the PRONOTE address followed by /** (every page under the root).",
    "Onglet « Accès population » : rôle « {access_role} », cible « {access_target} », profil « Élève », « Niveau "
    "» et « Sous-niveau » laissés à « {access_level} », puis « Ajouter les accès ».":
        "Tab “Accès population”: role “{access_role}”, target “{access_target}”, profile “Élève”, “Niveau” and "
        "“Sous-niveau” left at “{access_level}”, then “Ajouter les accès”.",
    "Même opération pour le profil « Parent », puis « Ajouter les accès ».":
        "Same for the profile “Parent”, then “Ajouter les accès”.",
    "Même opération pour le profil « Enseignant », puis « Ajouter les accès ».":
        "Same for the profile “Enseignant”, then “Ajouter les accès”.",
    "Même opération pour le profil « Non enseignant », puis « Ajouter les accès ».":
        "Same for the profile “Non enseignant”, then “Ajouter les accès”.",
    "Même opération pour le profil « Autre », puis « Ajouter les accès ».":
        "Same for the profile “Autre”, then “Ajouter les accès”.",
    "Le « Récapitulatif des droits d'accès » montre une ligne par profil pour votre établissement, sous le nom "
    "que l'ENT lui donne (par exemple « {school_label_example} ») : cliquez sur « Valider ».":
        "The “Récapitulatif des droits d'accès” shows one line per profile for your school, under the name the "
        "ENT gives it (for example “{school_label_example}”): click “Valider”.",
    "Choisissez la configuration ENT « {pronote_net_configuration} ».":
        "Choose the ENT configuration “{pronote_net_configuration}”.",
    "Au message « Le choix d'une nouvelle configuration va supprimer les paramètres renseignés », confirmez par "
    "« Oui ».":
        "At the message “Le choix d'une nouvelle configuration va supprimer les paramètres renseignés”, confirm "
        "with “Oui”.",
    "Cliquez sur « Publier la base ».":
        "Click “Publier la base”.",
    "Menu Imports/Exports > Socle ENT > « Exporter les identifiants PRONOTE ».":
        "Menu “Imports/Exports > Socle ENT > Exporter les identifiants PRONOTE”.",
    "Liste déroulante Socle ENT : « {socle_ent} ».":
        "“Socle ENT” drop-down list: “{socle_ent}”.",
    "Case « Uniquement les utilisateurs sans identifiants CAS » : DÉCOCHÉE. Ceux qui ont déjà un identifiant CAS "
    "doivent aussi être exportés, pour que PRONOTE puisse le remplacer.":
        "Box “Uniquement les utilisateurs sans identifiants CAS”: UNTICKED. Those who already have a CAS "
        "identifier must be exported too, so that PRONOTE can replace it.",
    "Case « Uniquement les utilisateurs sans identifiants CAS » : COCHÉE. Seuls les nouveaux arrivants seront "
    "exportés.":
        "Box “Uniquement les utilisateurs sans identifiants CAS”: TICKED. Only newcomers will be exported.",
    "Dans l'ENT, avec votre compte administrateur : menu Administration > « Importer les identifiants Pronote ».":
        "In the ENT, with your administrator account: menu “Administration > Importer les identifiants Pronote”.",
    "Établissement : le vôtre.":
        "“Établissement”: your school.",
    "Mode d'import : « {import_mode_complet} ».":
        "“Mode d'import”: “{import_mode_complet}”.",
    "Mode d'import : « {import_mode_partiel} ».":
        "“Mode d'import”: “{import_mode_partiel}”.",
    "Fichier des identifiants : {export_file_name}, puis « Importer ».":
        "“Fichier des identifiants”: {export_file_name}, then “Importer”.",
    "Lecture du bilan d'import, « Résultat d'import des identifiants Pronote » (nombre de comptes importés).":
        "Reading of the import report, “Résultat d'import des identifiants Pronote” (number of accounts "
        "imported).",
    "groupe de la personne (Personnels, Professeurs, Responsables, Eleves)":
        "the person's group (“Personnels”, “Professeurs”, “Responsables”, “Eleves”)",
    "Le fichier est au format PARTENAIRE_INDEX mais ne contient aucune personne (ni Eleve, ni Responsable, ni "
    "Professeur, ni Personnel) : l'export PRONOTE était sans doute vide.":
        "The file is in the PARTENAIRE_INDEX layout but holds nobody (no “Eleve”, “Responsable”, “Professeur” or "
        "“Personnel”): the PRONOTE export was probably empty.",
    "Pro&fil :":
        "P&rofile:",
    "{n} ligne(s) de la liste de l'ENT inutilisable(s), par exemple ligne {line} : {message}":
        "{n} unusable row(s) in the ENT list, for example row {line}: {message}",
    "ligne ignorée : {fields} manquants.":
        "row skipped: {fields} missing.",
    "ligne ignorée : {fields} manquant.":
        "row skipped: {fields} missing.",
    "ligne ignorée : identifiant déjà présent ligne {v0}.":
        "row skipped: identifier already on row {v0}.",
    "ligne ignorée : profil « {shown} » non reconnu.":
        "row skipped: profile “{shown}” not recognised.",
    "Importez dans l'ENT le fichier vérifié à l'étape précédente, dans le mode choisi :":
        "Import the file checked at the previous step into the ENT, in the chosen mode:",
    "Les parties 1 et 2 ne se font qu'une seule fois, pour toute la durée de l'interconnexion. Les prochaines "
    "fois, l'assistant vous mènera directement à la partie 3 (import des identifiants).":
        "Parts 1 and 2 are done only once, for the whole life of the interconnection. From now on, the assistant "
        "will take you straight to part 3 (identifier import).",
}
