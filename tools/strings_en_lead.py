"""English for the lead's last texts: the store's sentences (a failed save, a damaged or newer progress file, a
data folder that cannot be used), a past server check said again in today's language, the import mode as a word,
a CSV header quoted. For whoever updates the translations: .venv/bin/python tools/update_translations.py, then
.venv/bin/python tools/apply_translations.py tools/strings_en_lead.py"""
EN = {
    "« {header} »": "“{header}”",
    "PRONOTE confie l'authentification au serveur CAS {cas_host}":
        "PRONOTE hands authentication to the CAS server {cas_host}",
    "PRONOTE répond, sans délégation de l'authentification (CAS inactif)":
        "PRONOTE answers, without delegating authentication (CAS inactive)",
    "PRONOTE confie l'authentification à un autre serveur CAS ({cas_host})":
        "PRONOTE hands authentication to another CAS server ({cas_host})",
    "le serveur a répondu, mais pas comme un serveur PRONOTE": "the server answered, but not as a PRONOTE server",
    "le serveur a répondu par une erreur": "the server answered with an error",
    "le serveur renvoie vers une autre adresse": "the server redirects to another address",
    "le serveur n'a pas pu être joint": "the server could not be reached",
    "l'adresse a été refusée ; rien n'a été envoyé": "the address was refused; nothing was sent",
    "Dernière vérification du serveur le {date} : {seen}.": "Last server check on {date}: {seen}.",
    "complet": "full",
    "partiel": "partial",
    "inconnu": "unknown",
    "Pour en utiliser un autre, lancez l'assistant avec --data-dir DOSSIER.":
        "To use another one, start the assistant with --data-dir FOLDER.",
    "un fichier porte ce nom (ou celui d'un dossier parent) à la place d'un dossier":
        "a file has this name (or the name of a parent folder) instead of a folder",
    "libérez de la place": "free some space",
    "Le fichier de progression « {path} » était endommagé : sa dernière copie de secours a été rétablie ; "
    "vérifiez la dernière page que vous aviez remplie.":
        "The progress file “{path}” was damaged: its last backup copy has been restored; check the last page you "
        "had filled in.",
    "vous n'avez pas le droit d'y écrire": "you are not allowed to write there",
    "Le dossier de données « {folder} » ne peut pas être utilisé ({why}). {how}":
        "The data folder “{folder}” cannot be used ({why}). {how}",
    "rendez-le modifiable": "make it writable",
    "vérifiez ce dossier": "check this folder",
    "Enregistrement impossible : {why}. Vos dernières modifications ne sont gardées qu'en mémoire, tant que "
    "l'assistant reste ouvert. Pour ne pas les perdre, {todo} : l'assistant réessaiera à la prochaine "
    "modification. {how}":
        "Saving failed: {why}. Your latest changes are kept in memory only, while the assistant stays open. Not to "
        "lose them, {todo}: the assistant will try again at the next change. {how}",
    "Le fichier de progression « {path} » ne peut pas être lu (droits insuffisants) : rien n'a été modifié. "
    "Corrigez ses droits. {how}":
        "The progress file “{path}” cannot be read (insufficient rights): nothing was changed. Fix its rights. "
        "{how}",
    "Le fichier de progression « {path} » avait disparu : sa dernière copie de secours a été rétablie ; "
    "vérifiez la dernière page que vous aviez remplie.":
        "The progress file “{path}” had disappeared: its last backup copy has been restored; check the last page "
        "you had filled in.",
    "Le fichier de progression « {path} » était illisible et aucune copie de secours n'était utilisable : "
    "l'assistant repart de zéro.":
        "The progress file “{path}” was unreadable and no backup copy could be used: the assistant starts afresh.",
    "il est sur un disque en lecture seule": "it is on a read-only disk",
    "le disque du dossier « {folder} » est plein": "the disk of the folder “{folder}” is full",
    "L'assistant est déjà ouvert pour ces données (une autre fenêtre ou un autre utilisateur) : fermez-le avant "
    "d'en ouvrir un second.":
        "The assistant is already open for this data (another window or another user): close it before opening "
        "a second one.",
    "Les données « {path} » ont été enregistrées par une version plus récente de l'assistant (format "
    "{version}) : installez la dernière version pour les ouvrir ; rien n'a été modifié.":
        "The data “{path}” was saved by a newer version of the assistant (format {version}): install the latest "
        "version to open it; nothing was changed.",
    "le disque est plein": "the disk is full",
    "le dossier « {folder} » est protégé en écriture": "the folder “{folder}” is write-protected",
    "le système a refusé l'écriture dans « {folder} » ({error})": "the system refused to write in “{folder}” ({error})",
    "L'ancien fichier est conservé sous le nom « {name} ».": "The old file is kept under the name “{name}”.",
    "erreur du système : {error}": "system error: {error}",
}

# A PC whose clock is certainly behind (wizard/core/pcclock.py, stop 29).
EN.update({
    "l'assistant a déjà enregistré sur cet ordinateur une action datée du {day}":
        "the assistant has already recorded on this computer an action dated {day}",
    "les informations de l'assistant sur l'ENT ont été vérifiées le {day}":
        "the assistant's information about the ENT was checked on {day}",
    "La date de cet ordinateur semble fausse : il indique le {today}, alors que {proof}. L'assistant s'en sert pour "
    "savoir quelle année scolaire a commencé et pour dater chaque import. Nous vous conseillons de corriger la date "
    "et l'heure de l'ordinateur (ou de le demander à la personne qui gère le parc informatique), puis de rouvrir "
    "l'assistant.":
        "This computer's date seems wrong: it says {today}, whereas {proof}. The assistant uses it to know which "
        "school year has begun and to date each import. We advise you to correct the computer's date and time (or "
        "to ask whoever manages the school's computers), then to reopen the assistant.",
    "Enregistrement impossible : le fichier « {file} » est en lecture seule ou ouvert par un autre programme. Vos "
    "dernières modifications ne sont gardées qu'en mémoire, tant que l'assistant reste ouvert. Pour ne pas les "
    "perdre, fermez le programme qui l'utilise ou retirez au fichier la lecture seule : l'assistant réessaiera à la "
    "prochaine modification.":
        "Cannot save: the file “{file}” is read-only or open in another program. Your latest changes are kept in "
        "memory only, while the assistant stays open. Not to lose them, close the program using it or clear the "
        "file's read-only attribute: the assistant will try again at the next change.",
    "le serveur {host} indique le {day}": "the server {host} says {day}",
    "Le certificat du serveur {host} a expiré ou n'est pas encore valide : la connexion a été interrompue. Vérifiez "
    "aussi la date de cet ordinateur (le {today}) : si elle est fausse, un certificat valide paraît expiré.":
        "The certificate of the server {host} has expired or is not valid yet: the connection was stopped. Also check "
        "this computer's date ({today}): when it is wrong, a valid certificate looks expired.",
    "Un nombre saisi ({count}, relevé le {day}) n'est pas encore noté : à l'étape « {step} », choisissez « Noter ce "
    "nombre ».":
        "A count was typed ({count}, read on {day}) and is not noted yet: at the step “{step}”, choose “Note this "
        "number”.",
})
