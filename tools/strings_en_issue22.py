"""English for issue 22's texts: saves that fail loudly, results bound to their school, the single-instance lock,
outputs that never overwrite inputs, erasing through links, the hash key kept apart. For whoever updates the
translations: .venv/bin/python tools/update_translations.py, then
.venv/bin/python tools/apply_translations.py tools/strings_en_issue22.py"""
EN = {
    "Le trousseau du système (où l'assistant garde la clé des empreintes) est verrouillé ou ne répond pas : les "
    "imports précédents et les décisions de rapprochement ne peuvent pas être comparés pour l'instant. "
    "Déverrouillez-le, puis relancez l'analyse.":
        "The system keyring (where the assistant keeps the key of the fingerprints) is locked or does not answer: "
        "earlier imports and matching decisions cannot be compared for now. Unlock it, then run the analysis again.",
    "La clé des empreintes de cet établissement est introuvable (trousseau du système ou fichier « {file} » effacé, "
    "ou données copiées sur un autre poste) : les empreintes déjà enregistrées (historique des imports, décisions de "
    "rapprochement) ne peuvent plus être comparées et ont été retirées. Une nouvelle clé a été créée ; le prochain "
    "import partiel ne pourra pas signaler les personnes déjà importées.":
        "The key of this school's fingerprints cannot be found (system keyring or file “{file}” erased, or data "
        "copied to another computer): the fingerprints already saved (import history, matching decisions) can no "
        "longer be compared and have been removed. A new key has been created; the next partial import will not be "
        "able to point out people already imported.",
    "la clé « {name} » du trousseau du système": "the key “{name}” in the system keyring",
    "le dossier est protégé en écriture, ou le fichier est ouvert dans un autre programme":
        "the folder is write-protected, or the file is open in another program",
    "le fichier n'a pas pu être écrit en entier": "the file could not be written whole",
    "Impossible d'écrire « {path} » ({why}) : rien n'a été enregistré.":
        "Cannot write “{path}” ({why}): nothing was saved.",
    "« {path} » est un dossier : indiquez le nom du fichier à écrire.":
        "“{path}” is a folder: give the name of the file to write.",
    "Le dossier « {folder} » n'existe pas : choisissez un autre emplacement.":
        "The folder “{folder}” does not exist: choose another place.",
    "« {path} » est dans le dossier des données de l'assistant ({folder}) : choisissez un autre emplacement, ces "
    "fichiers ne doivent pas être remplacés.":
        "“{path}” is in the assistant's data folder ({folder}): choose another place, these files must not be "
        "replaced.",
    "« {path} » existe et est protégé en écriture : choisissez un autre nom.":
        "“{path}” exists and is write-protected: choose another name.",
    "« {path} » est un des fichiers de l'assistant (sa progression) sous un autre nom : choisissez un autre nom.":
        "“{path}” is one of the assistant's own files (its progress) under another name: choose another name.",
    "« {path} » est un des fichiers lus pour faire celui-ci : choisissez un autre nom.":
        "“{path}” is one of the files read to make this one: choose another name.",
    "Enregistrement impossible : une valeur de la progression ne peut pas être écrite (erreur de l'assistant ; le "
    "détail est dans le journal). Vos dernières modifications ne sont gardées qu'en mémoire, tant que l'assistant "
    "reste ouvert.":
        "Cannot save: a value of the progress cannot be written (an error of the assistant; the details are in the "
        "log). Your latest changes are kept in memory only, as long as the assistant stays open.",
    "c'est un lien vers un autre fichier": "it is a link to another file",
    "ce n'est pas un fichier ordinaire": "it is not a regular file",
    "Le verrou « {path} », qui garantit qu'une seule fenêtre utilise ces données, ne peut pas être pris ({why}) : "
    "rien n'a été ouvert. Supprimez ce fichier s'il n'est pas à vous, ou choisissez un autre dossier. {how}":
        "The lock “{path}”, which makes sure only one window uses this data, cannot be taken ({why}): nothing was "
        "opened. Delete this file if it is not yours, or choose another folder. {how}",
    "Le dossier de données « {folder} » est sur un système de fichiers qui ne permet pas de verrou (un partage "
    "réseau, souvent) : l'assistant ne peut pas empêcher deux fenêtres d'y enregistrer en même temps, ce qui ferait "
    "perdre le travail de l'une.":
        "The data folder “{folder}” is on a file system that does not allow locks (often a network share): the "
        "assistant cannot stop two windows from saving there at the same time, which would lose the work of one.",
    "vous n'avez pas le droit de le lire (il appartient peut-être à un autre utilisateur)":
        "you are not allowed to read it (it may belong to another user)",
    "Ouvert en lecture seule : le dossier « {folder} » ne permet pas de verrou, rien de ce que vous faites ne sera "
    "enregistré. {how}":
        "Opened read-only: the folder “{folder}” does not allow locks, nothing you do will be saved. {how}",
    "Le rapprochement s'est terminé pour un autre établissement ou un autre import que celui affiché : il n'est pas "
    "montré ici.":
        "The matching ended for another school or another import than the one shown: it is not shown here.",
    "L'établissement pour lequel le serveur était vérifié n'existe plus : le résultat n'a pas été enregistré.":
        "The school whose server was being checked no longer exists: the result was not saved.",
    "La vérification du serveur de « {name} » s'est terminée : son résultat a été enregistré pour cet établissement, "
    "pas pour celui affiché.":
        "The server check of “{name}” has ended: its result was saved for that school, not for the one shown.",
    "Ouvrir en &lecture seule": "Open &read-only",
    "&Je suis seul à utiliser ce dossier": "&I am the only one using this folder",
    "Vous pouvez l'ouvrir en lecture seule (rien ne sera enregistré), ou, si personne d'autre n'utilise ce dossier, "
    "l'ouvrir normalement.":
        "You can open it read-only (nothing will be saved), or, if nobody else uses this folder, open it normally.",
    "Ces fichiers n'ont pas pu être effacés (ouverts dans un autre programme, ou protégés) : {files}. Supprimez-les "
    "vous-même.":
        "These files could not be erased (open in another program, or protected): {files}. Delete them yourself.",
    "L'analyse s'est terminée pour un établissement ou un import qui n'existe plus : son résultat n'a pas été "
    "enregistré.":
        "The analysis ended for a school or an import that no longer exists: its result was not saved.",
    "L'analyse lancée pour « {name} » s'est terminée : son résultat a été enregistré pour cet établissement, pas "
    "pour celui affiché.":
        "The analysis started for “{name}” has ended: its result was saved for that school, not for the one shown.",
    "Clé des empreintes": "Key of the fingerprints",
    "« {name} » n'est pas un fichier que l'assistant peut ouvrir : rien n'a été changé.":
        "“{name}” is not a file the assistant can open: nothing was changed.",
}
