<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
  <context>
    <name>wizard</name>
    <message>
      <location filename="wizard/commands/check.py" line="89" />
      <source>Champs lus :</source>
      <translation>Fields read:</translation>
    </message>
    <message>
      <location filename="wizard/commands/check.py" line="100" />
      <source>ERREUR</source>
      <translation>ERROR</translation>
    </message>
    <message>
      <location filename="wizard/commands/check.py" line="100" />
      <source>attention</source>
      <translation>warning</translation>
    </message>
    <message>
      <location filename="wizard/commands/check.py" line="101" />
      <source>fichier</source>
      <translation>file</translation>
    </message>
    <message>
      <location filename="wizard/commands/check.py" line="106" />
      <source>Le fichier contient des erreurs bloquantes : ne l'importez pas dans l'ENT.</source>
      <translation>The file has blocking errors: do not import it into the ENT.</translation>
    </message>
    <message>
      <location filename="wizard/commands/check.py" line="86" />
      <source>Fichier : {name} ({size} octets)</source>
      <translation>File: {name} ({size} bytes)</translation>
    </message>
    <message>
      <location filename="wizard/commands/check.py" line="87" />
      <source>Format : {label} ; encodage : {encoding}</source>
      <translation>Layout: {label}; encoding: {encoding}</translation>
    </message>
    <message>
      <location filename="wizard/commands/check.py" line="91" />
      <source>Personnes : {total} ({per_profile})</source>
      <translation>People: {total} ({per_profile})</translation>
    </message>
    <message>
      <location filename="wizard/commands/check.py" line="97" />
      <source>{errors} erreur(s) bloquante(s), {warnings} avertissement(s).</source>
      <translation>{errors} blocking error(s), {warnings} warning(s).</translation>
    </message>
    <message>
      <location filename="wizard/commands/check.py" line="94" />
      <source>Exporté le : {date}</source>
      <translation>Exported on: {date}</translation>
    </message>
    <message>
      <location filename="wizard/commands/check.py" line="101" />
      <source>ligne {line}</source>
      <translation>line {line}</translation>
    </message>
    <message>
      <location filename="wizard/commands/check.py" line="104" />
      <source>  … et {more} autre(s) : la liste complète s'obtient avec --json.</source>
      <translation>  … and {more} more: the full list comes with --json.</translation>
    </message>
    <message>
      <location filename="wizard/commands/probe.py" line="83" />
      <source>CAS : inactif</source>
      <translation>CAS: inactive</translation>
    </message>
    <message>
      <location filename="wizard/commands/probe.py" line="85" />
      <source>délégation</source>
      <translation>delegation</translation>
    </message>
    <message>
      <location filename="wizard/commands/probe.py" line="85" />
      <source>sans délégation</source>
      <translation>no delegation</translation>
    </message>
    <message>
      <location filename="wizard/commands/probe.py" line="76" />
      <source>Adresse : {url}</source>
      <translation>Address: {url}</translation>
    </message>
    <message>
      <location filename="wizard/commands/probe.py" line="79" />
      <source>Version : {version}</source>
      <translation>Version: {version}</translation>
    </message>
    <message>
      <location filename="wizard/commands/probe.py" line="78" />
      <source>Établissement : {name}</source>
      <translation>School: {name}</translation>
    </message>
    <message>
      <location filename="wizard/commands/probe.py" line="81" />
      <source>CAS : actif ({cas_host})</source>
      <translation>CAS: active ({cas_host})</translation>
    </message>
    <message>
      <location filename="wizard/commands/probe.py" line="86" />
      <source>Espace : {name} ({delegation})</source>
      <translation>Space: {name} ({delegation})</translation>
    </message>
    <message>
      <location filename="wizard/commands/probe.py" line="87" />
      <source>Remarque : {warning}</source>
      <translation>Note: {warning}</translation>
    </message>
    <message>
      <location filename="wizard/commands/probe.py" line="81" />
      <source>adresse non indiquée</source>
      <translation>address not given</translation>
    </message>
    <message>
      <location filename="wizard/commands/reconcile.py" line="94" />
      <source>ligne ignorée : </source>
      <translation>row skipped: </translation>
    </message>
    <message>
      <location filename="wizard/commands/reconcile.py" line="84" />
      <source>Rapprochement prévu entre {pronote} personnes du fichier PRONOTE et {ent} comptes de l'ENT.</source>
      <translation>Matching planned between {pronote} people of the PRONOTE file and {ent} ENT accounts.</translation>
    </message>
    <message>
      <location filename="wizard/commands/reconcile.py" line="91" />
      <source>Profil inconnu</source>
      <translation>Unknown profile</translation>
    </message>
    <message>
      <location filename="wizard/commands/reconcile.py" line="49" />
      <source>Sans fenêtre : l'option --colonne, par exemple --colonne identifiant=1 --colonne nom=2 --colonne prenom=3.</source>
      <translation>Without the window: the --colonne option, for example “--colonne identifiant=1 --colonne nom=2 --colonne prenom=3”.</translation>
    </message>
    <message>
      <location filename="wizard/commands/reconcile.py" line="98" />
      <source>{count} ligne(s) de la liste de l'ENT ignorée(s) : {shown}{more}.</source>
      <translation>{count} row(s) of the ENT list skipped: {shown}{more}.</translation>
    </message>
    <message>
      <location filename="wizard/commands/reconcile.py" line="103" />
      <source>Fichier de travail écrit : {path} (il contient des données personnelles).</source>
      <translation>Worksheet written: {path} (it contains personal data).</translation>
    </message>
    <message>
      <location filename="wizard/commands/reconcile.py" line="92" />
      <source>{profile} : {counts}.</source>
      <translation>{profile}: {counts}.</translation>
    </message>
    <message>
      <location filename="wizard/commands/reconcile.py" line="95" />
      <source>ligne {line} ({why})</source>
      <translation>row {line} ({why})</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="158" />
      <source>« {value} »</source>
      <translation>“{value}”</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="159" />
      <source>selon la version de PRONOTE : {choices}</source>
      <translation>depending on the PRONOTE version: {choices}</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="160" />
      <source> ou </source>
      <translation> or </translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="365" />
      <source>est inconnue (les clés permises sont décrites dans resources/ent/README.md)</source>
      <translation>is unknown (the allowed keys are described in resources/ent/README.md)</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="360" />
      <source>Le fichier de l'ENT « {file} » n'est pas valable : la clé « {key} » {problem}.</source>
      <translation>The ENT file “{file}” is not valid: the key “{key}” {problem}.</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="384" />
      <source>doit être un objet JSON</source>
      <translation>must be a JSON object</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="418" />
      <source>est vide</source>
      <translation>is empty</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="420" />
      <source>doit être un nom de serveur en minuscules, sans https:// ni /</source>
      <translation>must be a server name in lower case, without https:// or /</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="422" />
      <source>doit être une adresse complète, commençant par https:// et finissant par /</source>
      <translation>must be a full address, starting with https:// and ending with /</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="426" />
      <source>doit être un objet JSON : sa valeur (value), ses sources (sources), la date où elle a été confirmée (confirmed) et son état (status)</source>
      <translation>must be a JSON object: its value (value), its sources (sources), the date it was confirmed (confirmed) and its state (status)</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="440" />
      <source>doit être « confirmed », « unconfirmed », « inferred » ou « advice »</source>
      <translation>must be “confirmed”, “unconfirmed”, “inferred” or “advice”</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="450" />
      <source>doit être une liste non vide d'identifiants de sources</source>
      <translation>must be a non-empty list of source identifiers</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="461" />
      <source>doit être une date AAAA-MM-JJ (ou AAAA-MM, ou AAAA)</source>
      <translation>must be a date YYYY-MM-DD (or YYYY-MM, or YYYY)</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="463" />
      <source>est une date future</source>
      <translation>is a date in the future</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="467" />
      <source>doit être un objet JSON non vide</source>
      <translation>must be a non-empty JSON object</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="526" />
      <source>répète l'identifiant d'une action précédente</source>
      <translation>repeats the identifier of an earlier action</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="534" />
      <source>doit être une liste tirée de « complet » et « partiel »</source>
      <translation>must be a list taken from “complet” and “partiel”</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="571" />
      <source>contient une accolade seule (écrivez {{ ou }} pour en montrer une)</source>
      <translation>holds a lone brace (write {{ or }} to show one)</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="388" />
      <source>manque</source>
      <translation>is missing</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="408" />
      <source>doit être une liste de textes</source>
      <translation>must be a list of texts</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="410" />
      <source>est vide ou contient un texte vide</source>
      <translation>is empty or holds an empty text</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="413" />
      <source>doit être un texte ou null</source>
      <translation>must be a text or null</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="414" />
      <source>doit être un texte</source>
      <translation>must be a text</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="480" />
      <source>ne doit pas contenir de guillemets « »</source>
      <translation>must not contain French quotation marks</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="488" />
      <source>n'est citée par aucun fait</source>
      <translation>is cited by no fact</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="498" />
      <source>doit être un nom de repère en minuscules (lettres, chiffres, _) qui ne soit pas déjà pris</source>
      <translation>must be a lower-case placeholder name (letters, digits, _) not already taken</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="508" />
      <source>doit être une liste non vide d'actions</source>
      <translation>must be a non-empty list of actions</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="256" />
      <source>Le fichier de l'ENT « {file} » est introuvable.</source>
      <translation>The ENT file “{file}” cannot be found.</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="258" />
      <source>Le fichier de l'ENT « {file} » est illisible : il doit être un texte JSON en UTF-8.</source>
      <translation>The ENT file “{file}” cannot be read: it must be JSON text in UTF-8.</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="268" />
      <source>Le fichier de l'ENT « {file} » n'est pas du JSON valable : un nombre y est trop long, ou des listes et des objets y sont imbriqués trop profondément.</source>
      <translation>The ENT file “{file}” is not valid JSON: a number in it is too long, or lists and objects in it are nested too deeply.</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="265" />
      <source>Le fichier de l'ENT « {file} » n'est pas du JSON valable (ligne {line}).</source>
      <translation>The ENT file “{file}” is not valid JSON (line {line}).</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="453" />
      <source>cite une source inconnue : « {source} » (elle doit être décrite sous « sources »)</source>
      <translation>cites an unknown source: “{source}” (it must be described under “sources”)</translation>
    </message>
    <message>
      <location filename="wizard/core/entdata.py" line="537" />
      <source>utilise un mot inconnu : {{{placeholder}}}</source>
      <translation>uses an unknown word: {{{placeholder}}}</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="15" />
      <source>Nom de l'ENT</source>
      <translation>Name of the ENT</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="16" />
      <source>Adresse publique de l'ENT</source>
      <translation>Public address of the ENT</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="17" />
      <source>Domaine des sites ENT des établissements</source>
      <translation>Domain of the schools' ENT sites</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="18" />
      <source>Serveur CAS de l'ENT</source>
      <translation>CAS server of the ENT</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="19" />
      <source>ENT précédent</source>
      <translation>Previous ENT</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="20" />
      <source>Connexion des élèves et des parents à l'ENT</source>
      <translation>How pupils and parents log in to the ENT</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="21" />
      <source>Connexion des personnels à l'ENT</source>
      <translation>How staff log in to the ENT</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="22" />
      <source>Entrée « Socle ENT » de l'export PRONOTE</source>
      <translation>“Socle ENT” entry of the PRONOTE export</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="23" />
      <source>Nom du fichier exporté par PRONOTE</source>
      <translation>Name of the file PRONOTE exports</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="24" />
      <source>Configuration ENT de la console d'hébergement</source>
      <translation>ENT configuration of the hosting console</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="25" />
      <source>Nom d'un établissement dans le récapitulatif des accès</source>
      <translation>A school's name in the access summary</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="26" />
      <source>Intitulé du service</source>
      <translation>Service title (“Intitulé”)</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="27" />
      <source>Type de SSO</source>
      <translation>SSO type (“Type de SSO”)</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="28" />
      <source>Regroupement du service</source>
      <translation>Group (“Regroupement”) of the service</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="29" />
      <source>Type Xiti</source>
      <translation>Type Xiti</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="30" />
      <source>Bloc PRONOTE de la page d'accueil</source>
      <translation>PRONOTE block of the home page</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="31" />
      <source>Profils qui reçoivent l'accès</source>
      <translation>Profiles given access</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="32" />
      <source>Rôle des accès</source>
      <translation>Role of the accesses</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="33" />
      <source>Cible des accès</source>
      <translation>Target of the accesses</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="34" />
      <source>Niveau et sous-niveau des accès</source>
      <translation>Level and sub-level of the accesses</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="35" />
      <source>Mode d'import complet</source>
      <translation>Full import mode</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="36" />
      <source>Mode d'import partiel</source>
      <translation>Partial import mode</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="37" />
      <source>Profils dans le récapitulatif des accès</source>
      <translation>Profiles in the access summary</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="39" />
      <source>aucun</source>
      <translation>none</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="39" />
      <source>(rien)</source>
      <translation>(nothing)</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="135" />
      <source>conseil de l'assistant</source>
      <translation>the assistant's advice</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="184" />
      <source>Sources</source>
      <translation>Sources</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="184" />
      <source>Ce que cette page affirme, et d'où cela vient :</source>
      <translation>What this page states, and where it comes from:</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="185" />
      <source>Les sources citées :</source>
      <translation>The sources cited:</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="110" />
      <source>Non confirmé pour les versions actuelles (source : {source}, {date}) : {values}. Selon votre version, l'écran peut différer.</source>
      <translation>Not confirmed for current versions (source: {source}, {date}): {values}. Depending on your version, the screen may differ.</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="112" />
      <source>Déduit d'une source voisine (source : {source}, {date}) : {values}. Vérifiez-le sur votre écran.</source>
      <translation>Inferred from a neighbouring source (source: {source}, {date}): {values}. Check it on your screen.</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="136" />
      <source>relevé le {date}, non confirmé pour les versions actuelles</source>
      <translation>seen on {date}, not confirmed for current versions</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="140" />
      <source> ; </source>
      <translation>; </translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="131" />
      <source>confirmé : {date}</source>
      <translation>confirmed: {date}</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="133" />
      <source>déduit d'une source voisine : {date}</source>
      <translation>inferred from a neighbouring source: {date}</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="181" />
      <source>{title} ({date}) :</source>
      <translation>{title} ({date}):</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="174" />
      <source>d'après ces sources, le {date}</source>
      <translation>according to these sources, on {date}</translation>
    </message>
    <message>
      <location filename="wizard/core/facts.py" line="172" />
      <source>{count} action(s) de la liste à cocher</source>
      <translation>{count} action(s) of the checklist</translation>
    </message>
    <message>
      <location filename="wizard/core/failures.py" line="35" />
      <source>Saisissez le nombre d'utilisateurs en échec affiché par PRONOTE (0 s'il n'y en a plus).</source>
      <translation>Type the number of users in failure that PRONOTE shows (0 when there are none left).</translation>
    </message>
    <message>
      <location filename="wizard/core/failures.py" line="37" />
      <source>Le nombre d'utilisateurs en échec s'écrit en chiffres, par exemple 12.</source>
      <translation>The number of users in failure is written in digits, for example 12.</translation>
    </message>
    <message>
      <location filename="wizard/core/failures.py" line="40" />
      <source>Ce nombre est plus grand que celui des personnes d'un établissement : vérifiez-le.</source>
      <translation>This number is larger than a school's people: check it.</translation>
    </message>
    <message>
      <location filename="wizard/core/failures.py" line="46" />
      <source>Ce jour est à venir : indiquez le jour où vous avez relevé ce nombre dans PRONOTE.</source>
      <translation>That day is still to come: give the day you read this number in PRONOTE.</translation>
    </message>
    <message>
      <location filename="wizard/core/failures.py" line="43" />
      <source>Écrivez le jour du relevé sous la forme jj/mm/aaaa, par exemple {example}.</source>
      <translation>Write the day it was read as dd/mm/yyyy, for example {example}.</translation>
    </message>
    <message>
      <location filename="wizard/core/failures.py" line="59" />
      <source>{count} le {day}</source>
      <translation>{count} on {day}</translation>
    </message>
    <message>
      <location filename="wizard/core/figures.py" line="24" />
      <source>le nombre de personnes de ce fichier</source>
      <translation>the number of people in this file</translation>
    </message>
    <message>
      <location filename="wizard/core/figures.py" line="25" />
      <source>son total après cet import</source>
      <translation>its total after this import</translation>
    </message>
    <message>
      <location filename="wizard/core/figures.py" line="26" />
      <source>ni le nombre du fichier, ni le total attendu</source>
      <translation>neither the file's number nor the expected total</translation>
    </message>
    <message>
      <location filename="wizard/core/filecheck.py" line="24" />
      <source>Aucune erreur bloquante trouvée. L'assistant vérifie ce qu'il reconnaît du fichier (personnes, identifiants, dates, établissement) ; le format exact qu'attend l'ENT n'est pas publié.</source>
      <translation>No blocking error found. The assistant checks what it recognises of the file (people, identifiers, dates, school); the exact layout the ENT expects is not published.</translation>
    </message>
    <message>
      <location filename="wizard/core/filecheck.py" line="45" />
      <source>« {name} » n'est pas un fichier que l'assistant peut ouvrir.</source>
      <translation>“{name}” is not a file the assistant can open.</translation>
    </message>
    <message>
      <location filename="wizard/core/flow.py" line="140" />
      <source>l'ENT</source>
      <translation>the ENT</translation>
    </message>
    <message>
      <location filename="wizard/core/flow.py" line="170" />
      <source>Cochez la case confirmant que vous avez compris les conséquences de la bascule.</source>
      <translation>Tick the box confirming that you understand the consequences of the switch.</translation>
    </message>
    <message>
      <location filename="wizard/core/flow.py" line="183" />
      <source>Vérifiez la délégation au serveur PRONOTE, ou confirmez-la vous-même si la vérification est impossible.</source>
      <translation>Check the delegation on the PRONOTE server, or confirm it yourself if the check cannot be done.</translation>
    </message>
    <message>
      <location filename="wizard/core/flow.py" line="187" />
      <source>Choisissez un import complet ou partiel.</source>
      <translation>Choose a full or a partial import.</translation>
    </message>
    <message>
      <location filename="wizard/core/flow.py" line="193" />
      <source>Choisissez le fichier des identifiants exporté depuis PRONOTE.</source>
      <translation>Choose the identifier file exported from PRONOTE.</translation>
    </message>
    <message>
      <location filename="wizard/core/flow.py" line="196" />
      <source>Le fichier doit être analysé avant de continuer.</source>
      <translation>The file must be analysed before you continue.</translation>
    </message>
    <message>
      <location filename="wizard/core/flow.py" line="198" />
      <source>Le fichier contient des erreurs bloquantes : corrigez l'export dans PRONOTE puis choisissez le nouveau fichier.</source>
      <translation>The file has blocking errors: fix the export in PRONOTE, then choose the new file.</translation>
    </message>
    <message>
      <location filename="wizard/core/flow.py" line="201" />
      <source>Cochez « J'ai lu les avertissements » pour continuer.</source>
      <translation>Tick “I have read the warnings” to continue.</translation>
    </message>
    <message>
      <location filename="wizard/core/flow.py" line="210" />
      <source>Saisissez le nombre d'identifiants que l'ENT annonce avoir importés.</source>
      <translation>Type the number of identifiers the ENT says it imported.</translation>
    </message>
    <message>
      <location filename="wizard/core/flow.py" line="149" />
      <source>Cochez chaque action une fois faite dans {what} ({n} restante).</source>
      <translation>Tick each action once done in {what} ({n} left).</translation>
    </message>
    <message>
      <location filename="wizard/core/flow.py" line="150" />
      <source>Cochez chaque action une fois faite dans {what} ({n} restantes).</source>
      <translation>Tick each action once done in {what} ({n} left).</translation>
    </message>
    <message>
      <location filename="wizard/core/flow.py" line="180" />
      <source>Le serveur PRONOTE a répondu sans déléguer l'authentification à {ent_name} : vérifiez la configuration et la publication dans pronote.net, puis vérifiez à nouveau la délégation.</source>
      <translation>The PRONOTE server answered without delegating authentication to {ent_name}: check the configuration and the publication in pronote.net, then check the delegation again.</translation>
    </message>
    <message>
      <location filename="wizard/core/helptext.py" line="48" />
      <source>https://&lt;votre-établissement&gt;.{ent_site_domain}/</source>
      <translation>https://&lt;your-school&gt;.{ent_site_domain}/</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/dates.py" line="10" />
      <source>AAAA-MM-JJ ou JJ/MM/AAAA</source>
      <translation>YYYY-MM-DD or DD/MM/YYYY</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/documented.py" line="20" />
      <source>Format documenté Index Éducation (PARTENAIRE_INDEX)</source>
      <translation>Documented Index Éducation layout (PARTENAIRE_INDEX)</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="132" />
      <source>La date d'export indiquée dans le fichier n'est pas lisible.</source>
      <translation>The export date given in the file cannot be read.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="148" />
      <source>toutes</source>
      <translation>all of them</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="148" />
      <source>presque toutes</source>
      <translation>nearly all of them</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="164" />
      <source>Le fichier ne déclare pas son encodage et n'est ni en UTF-8 ni en Windows-1252 : il a été lu en ISO-8859-1 (Latin-1). Vérifiez les accents des noms.</source>
      <translation>The file does not declare its encoding and is neither UTF-8 nor Windows-1252: it was read as ISO-8859-1 (Latin-1). Check the accents in the names.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="85" />
      <source>Personne sans identifiant PRONOTE : l'ENT ne pourra pas l'importer.</source>
      <translation>Person without a PRONOTE identifier: the ENT will not be able to import them.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="95" />
      <source>Personne sans nom : le rapprochement des comptes dans l'ENT devra se faire à la main.</source>
      <translation>Person without a last name: the account matching in the ENT will have to be done by hand.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="100" />
      <source>Personne sans prénom : le rapprochement des comptes dans l'ENT devra se faire à la main.</source>
      <translation>Person without a first name: the account matching in the ENT will have to be done by hand.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="111" />
      <source>Élève sans date de naissance, alors que le format PARTENAIRE_INDEX l'exige.</source>
      <translation>Pupil without a birth date, although the PARTENAIRE_INDEX layout requires one.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="143" />
      <source>Import partiel : cette personne figurait déjà dans un import précédent.</source>
      <translation>Partial import: this person was already in an earlier import.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="161" />
      <source>Le fichier ne déclare pas son encodage et n'est pas en UTF-8 : il a été lu en Windows-1252. Vérifiez les accents des noms.</source>
      <translation>The file does not declare its encoding and is not UTF-8: it was read as Windows-1252. Check the accents in the names.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="120" />
      <source>Le fichier a été exporté pour l'établissement {found}, pas pour le vôtre ({expected}) : exportez-le depuis la base PRONOTE de votre établissement.</source>
      <translation>The file was exported for school {found}, not yours ({expected}): export it from your school's PRONOTE database.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="126" />
      <source>Ce fichier a été exporté le {exported}, avant le dernier import dans l'ENT ({imported}) : exportez à nouveau les identifiants depuis PRONOTE.</source>
      <translation>This file was exported on {exported}, before the last import into the ENT ({imported}): export the identifiers from PRONOTE again.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="138" />
      <source>Ce fichier est exactement celui déjà importé le {imported}.</source>
      <translation>This file is exactly the one already imported on {imported}.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="150" />
      <source>Ce fichier contient {count} personnes déjà importées ({how}) : dans PRONOTE, la case « {pronote_export_checkbox} » n'était sans doute pas cochée. Refaites l'export.</source>
      <translation>This file holds {count} people already imported ({how}): in PRONOTE, the “{pronote_export_checkbox}” box was probably not ticked. Export again.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="170" />
      <source>{count} nom(s) semblent mal décodés (caractères de contrôle ou « Ã© » à la place des accents), le premier ici : l'encodage déclaré par le fichier est probablement faux.</source>
      <translation>{count} name(s) look wrongly decoded (control characters or “Ã©” instead of accents), the first one here: the encoding the file declares is probably wrong.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="90" />
      <source>Identifiant PRONOTE déjà attribué à la personne de la ligne {first} : deux personnes ne peuvent pas partager un identifiant.</source>
      <translation>PRONOTE identifier already given to the person on line {first}: two people cannot share an identifier.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="105" />
      <source>Date de naissance invalide ou impossible (format attendu : {expected}).</source>
      <translation>Invalid or impossible birth date (expected format: {expected}).</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="116" />
      <source>Élément « {tag} » hors de son groupe : il n'est pas compté.</source>
      <translation>Element “{tag}” outside its group: it is not counted.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/findings.py" line="77" />
      <source>{more} autre(s) remarque(s) du même type ({code}) ne sont pas listées : seules les {shown} premières le sont.</source>
      <translation>{more} more remark(s) of the same kind ({code}) are not listed: only the first {shown} are.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/generic.py" line="105" />
      <source>Format reconnu automatiquement</source>
      <translation>Layout recognised automatically</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/generic.py" line="329" />
      <source>code UAI trouvé dans le fichier</source>
      <translation>UAI code found in the file</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/reader.py" line="185" />
      <source>Le fichier est au format PARTENAIRE_INDEX mais ne contient aucune personne (ni Eleve, ni Responsable, ni Professeur, ni Personnel) : l'export PRONOTE était sans doute vide.</source>
      <translation>The file is in the PARTENAIRE_INDEX layout but holds nobody (no “Eleve”, “Responsable”, “Professeur” or “Personnel”): the PRONOTE export was probably empty.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/reader.py" line="203" />
      <source>c'est un fichier binaire (document, archive ou image), pas du XML</source>
      <translation>it is a binary file (document, archive or image), not XML</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/reader.py" line="193" />
      <source>Le fichier ne contient que des espaces : l'export PRONOTE n'a sans doute pas abouti.</source>
      <translation>The file holds only blank space: the PRONOTE export probably did not complete.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/reader.py" line="205" />
      <source>il ressemble à un tableau CSV renommé, pas à l'export XML de PRONOTE</source>
      <translation>it looks like a renamed CSV table, not PRONOTE's XML export</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/reader.py" line="207" />
      <source>il ne commence pas par une balise XML</source>
      <translation>it does not start with an XML tag</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/reader.py" line="197" />
      <source>Ce fichier est une page web enregistrée, pas l'export des identifiants PRONOTE.</source>
      <translation>This file is a saved web page, not the export of PRONOTE identifiers.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/reader.py" line="208" />
      <source>Ce fichier n'est pas un fichier XML : {reason}.</source>
      <translation>This is not an XML file: {reason}.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/reader.py" line="182" />
      <source>Aucune personne reconnue dans ce fichier (il faut au moins un nom, un prénom et un identifiant par personne). Éléments rencontrés : {listed}.</source>
      <translation>Nobody was recognised in this file (each person needs at least a last name, a first name and an identifier). Elements seen: {listed}.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/reader.py" line="95" />
      <source>Le fichier « {name} » n'a pas pu être lu jusqu'au bout.</source>
      <translation>The file “{name}” could not be read to the end.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/reader.py" line="60" />
      <source>Le fichier « {name} » ne peut pas être lu.</source>
      <translation>The file “{name}” cannot be read.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/report.py" line="16" />
      <source>Personnes</source>
      <translation>People</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/report.py" line="18" />
      <source>Code UAI</source>
      <translation>UAI code</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/report.py" line="19" />
      <source>Date d'export</source>
      <translation>Export date</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="165" />
      <source>Le fichier n'est pas un XML valide (erreur de structure) : ce n'est pas un export PRONOTE intact.</source>
      <translation>The file is not valid XML (structure error): it is not an intact PRONOTE export.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="170" />
      <source>Le fichier XML est incomplet (tronqué) : l'export ou la copie n'est pas allé jusqu'au bout ; réexportez-le.</source>
      <translation>The XML file is incomplete (truncated): the export or the copy did not finish; export it again.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="175" />
      <source>Fichier refusé : ses éléments sont imbriqués bien trop profondément pour un export PRONOTE.</source>
      <translation>File refused: its elements are nested far too deeply for a PRONOTE export.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="180" />
      <source>Fichier refusé : il contient un texte ou une balise démesurés ; l'assistant ne lit pas un tel fichier.</source>
      <translation>File refused: it holds an outsized text or tag; the assistant does not read such a file.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="185" />
      <source>Fichier refusé : un de ses éléments porte des centaines d'attributs ; l'assistant ne lit pas un tel fichier.</source>
      <translation>File refused: one of its elements carries hundreds of attributes; the assistant does not read such a file.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="190" />
      <source>Fichier refusé : il emploie bien trop de noms d'éléments ou d'attributs différents (ou des noms démesurés) pour un export PRONOTE.</source>
      <translation>File refused: it uses far too many different element or attribute names (or oversized names) for a PRONOTE export.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="195" />
      <source>Fichier refusé : il contient bien trop de déclarations d'espaces de noms ou d'instructions de traitement pour un export PRONOTE.</source>
      <translation>File refused: it contains far too many namespace declarations or processing instructions for a PRONOTE export.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="115" />
      <source>sa déclaration DOCTYPE est démesurée ou incomplète</source>
      <translation>its DOCTYPE declaration is oversized or incomplete</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="123" />
      <source>il fait appel à une DTD externe</source>
      <translation>it calls an external DTD</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="125" />
      <source>il contient des déclarations DTD</source>
      <translation>it contains DTD declarations</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="144" />
      <source>il utilise des entités XML</source>
      <translation>it uses XML entities</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="151" />
      <source>Le fichier continue après la fin du document XML (deux exports mis bout à bout, ou un ajout après l'export) : réexportez-le depuis PRONOTE.</source>
      <translation>The file goes on after the end of the XML document (two exports put end to end, or something added after the export): export it again from PRONOTE.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="157" />
      <source>Le fichier contient un caractère interdit en XML (octet nul ou caractère de contrôle) : ce n'est pas un export PRONOTE intact.</source>
      <translation>The file contains a character XML forbids (a null byte or a control character): it is not an intact PRONOTE export.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="80" />
      <source>« {name} » est un dossier : choisissez le fichier des identifiants exporté de PRONOTE qu'il contient.</source>
      <translation>“{name}” is a folder: choose the identifier file exported from PRONOTE that it contains.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="85" />
      <source>Le fichier « {name} » est beaucoup trop gros ({size} Mo) pour un export d'identifiants PRONOTE.</source>
      <translation>The file “{name}” is far too large ({size} MB) for a PRONOTE identifier export.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="109" />
      <source>il déclare des entités XML</source>
      <translation>it declares XML entities</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="129" />
      <source>Fichier refusé par sécurité : {reason} ; l'assistant ne lit pas un tel fichier.</source>
      <translation>File refused for safety: {reason}; the assistant does not read such a file.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="200" />
      <source>Fichier refusé : il contient plus de {limit} personnes, bien plus qu'aucun établissement.</source>
      <translation>File refused: it contains more than {limit} people, far more than any school.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="146" />
      <source>L'encodage déclaré par le fichier ({encoding}) n'est pas reconnu.</source>
      <translation>The encoding declared by the file ({encoding}) is not recognised.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="160" />
      <source>Le fichier contient des caractères qui ne correspondent pas à son encodage ({encoding}) : réexportez-le depuis PRONOTE.</source>
      <translation>The file contains characters that do not match its encoding ({encoding}): export it again from PRONOTE.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="49" />
      <source>Le fichier « {name} » est introuvable : vérifiez le dossier choisi lors de l'export.</source>
      <translation>The file “{name}” cannot be found: check the folder chosen during the export.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="59" />
      <source>Le fichier « {name} » ne peut pas être ouvert (droits d'accès ou disque indisponible).</source>
      <translation>The file “{name}” cannot be opened (access rights or disk unavailable).</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="66" />
      <source>« {name} » n'est pas un fichier ordinaire.</source>
      <translation>“{name}” is not a regular file.</translation>
    </message>
    <message>
      <location filename="wizard/core/idfile/safety.py" line="68" />
      <source>Le fichier « {name} » est vide : l'export PRONOTE n'a sans doute pas abouti.</source>
      <translation>The file “{name}” is empty: the PRONOTE export probably did not complete.</translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="53" />
      <source>ni un total que l'assistant puisse vérifier, si l'ENT donne son total : le total de l'ENT après le dernier import n'est pas connu.</source>
      <translation>nor a total the assistant can check, if the ENT gives its total: the ENT's total after the last import is not known.</translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="26" />
      <source>Le fichier n'a pas été analysé : l'assistant ne peut pas comparer ce nombre.</source>
      <translation>The file was not analysed: the assistant cannot compare this number.</translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="47" />
      <source>Ce nombre n'est ni celui des personnes du fichier ({people}), si l'ENT compte ce seul import, </source>
      <translation>This number is neither the file's people ({people}), if the ENT counts this import alone, </translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="76" />
      <source>Vérifiez le mode d'import choisi dans l'ENT et consultez le bilan d'import.</source>
      <translation>Check the import mode chosen in the ENT and read the import report.</translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="83" />
      <source>L'ENT annonce plus d'identifiants ({reported}) que le fichier n'en contient ({total}) : vérifiez que vous avez importé le fichier analysé à l'étape précédente, et non un ancien export.</source>
      <translation>The ENT reports more identifiers ({reported}) than the file holds ({total}): check that you imported the file analysed at the previous step, not an older export.</translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="50" />
      <source>ni le total attendu ({before} au dernier import + {people} = {expected}), si l'ENT donne son total.</source>
      <translation>nor the expected total ({before} at the last import + {people} = {expected}), if the ENT gives its total.</translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="77" />
      <source>L'ENT annonce {gap} identifiant(s) de moins que le fichier ({total}) sans raison visible dans le fichier : vérifiez le mode d'import choisi dans l'ENT et consultez le bilan d'import.</source>
      <translation>The ENT reports {gap} identifier(s) fewer than the file ({total}) with no visible reason in the file: check the import mode chosen in the ENT and read the import report.</translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="81" />
      <source>Vérifiez que vous avez importé le fichier analysé à l'étape précédente, en mode « {mode} », puis consultez le bilan d'import.</source>
      <translation>Check that you imported the file analysed at the previous step, in “{mode}” mode, then read the import report.</translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="32" />
      <source>L'ENT a importé {reported} identifiant(s) : c'est exactement le nombre de personnes du fichier.</source>
      <translation>The ENT imported {reported} identifier(s): exactly the number of people in the file.</translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="35" />
      <source>L'ENT a importé {reported} identifiant(s) : les personnes du fichier, moins les {already} déjà importée(s) lors d'un import précédent.</source>
      <translation>The ENT imported {reported} identifier(s): the people in the file, less the {already} already imported in an earlier import.</translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="43" />
      <source>L'ENT annonce {reported} : c'est son total après cet import ({before} au dernier import, plus les {added} personne(s) de ce fichier). L'ENT donne ici le total de ses identifiants, pas le seul import partiel : le nombre est cohérent.</source>
      <translation>The ENT reports {reported}: that is its total after this import ({before} at the last import, plus the {added} person(s) of this file). The ENT gives here the total of its identifiers, not the partial import alone: the number is consistent.</translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="66" />
      <source>{missing} personne(s) sans identifiant dans le fichier, que l'ENT ignore</source>
      <translation>{missing} person(s) without an identifier in the file, which the ENT ignores</translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="69" />
      <source>{duplicates} identifiant(s) en double, comptés une seule fois</source>
      <translation>{duplicates} duplicated identifier(s), counted once</translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="55" />
      <source>L'ENT annonce {reported}. </source>
      <translation>The ENT reports {reported}. </translation>
    </message>
    <message>
      <location filename="wizard/core/importcheck.py" line="73" />
      <source>L'ENT annonce {gap} identifiant(s) de moins que le fichier ({total}). Explications possibles : </source>
      <translation>The ENT reports {gap} identifier(s) fewer than the file ({total}). Possible reasons: </translation>
    </message>
    <message>
      <location filename="wizard/core/keys.py" line="178" />
      <source>Le trousseau du système (où l'assistant garde la clé des empreintes) est verrouillé ou ne répond pas : les imports précédents et les décisions de rapprochement ne peuvent pas être comparés pour l'instant. Déverrouillez-le, puis relancez l'analyse.</source>
      <translation>The system keyring (where the assistant keeps the key of the fingerprints) is locked or does not answer: earlier imports and matching decisions cannot be compared for now. Unlock it, then run the analysis again.</translation>
    </message>
    <message>
      <location filename="wizard/core/keys.py" line="184" />
      <source>La clé des empreintes de cet établissement est introuvable (trousseau du système ou fichier « {file} » effacé, ou données copiées sur un autre poste) : les empreintes déjà enregistrées (historique des imports, décisions de rapprochement) ne peuvent plus être comparées et ont été retirées. Une nouvelle clé a été créée ; le prochain import partiel ne pourra pas signaler les personnes déjà importées.</source>
      <translation>The key of this school's fingerprints cannot be found (system keyring or file “{file}” erased, or data copied to another computer): the fingerprints already saved (import history, matching decisions) can no longer be compared and have been removed. A new key has been created; the next partial import will not be able to point out people already imported.</translation>
    </message>
    <message>
      <location filename="wizard/core/keys.py" line="109" />
      <source>la clé « {name} » du trousseau du système</source>
      <translation>the key “{name}” in the system keyring</translation>
    </message>
    <message>
      <location filename="wizard/core/matchcheck.py" line="41" />
      <source>Le fichier des identifiants PRONOTE n'est plus disponible : choisissez-le à nouveau à l'étape « Vérifier le fichier des identifiants ».</source>
      <translation>The PRONOTE identifier file is no longer available: choose it again at the step “Check the identifier file”.</translation>
    </message>
    <message>
      <location filename="wizard/core/matchcheck.py" line="64" />
      <source>« {name} » a changé depuis sa vérification (exporté de nouveau ?) : revenez à l'étape « {step} » pour le vérifier à nouveau avant de rapprocher les comptes.</source>
      <translation>“{name}” has changed since it was checked (exported again?): go back to the step “{step}” to check it again before matching the accounts.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="222" />
      <source>Aucune ligne d'en-tête reconnue dans les {rows} premières lignes : il faut des colonnes Identifiant, Nom et Prénom. Ajoutez une ligne d'en-tête ou indiquez les colonnes.</source>
      <translation>No header row recognised in the first {rows} rows: columns Identifier, Last name and First name are needed. Add a header row or choose the columns.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="109" />
      <source>{count} compte(s) de l'ENT avec un seul nom (nom ou prénom vide, lignes {lines}) : rapprochés sur ce nom et la date de naissance, au mieux comme « Probable ».</source>
      <translation>{count} ENT account(s) with a single name (last or first name empty, lines {lines}): matched on that name and the birth date, at best as “Probable”.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="177" />
      <source>ligne ignorée : {problem}.</source>
      <translation>row skipped: {problem}.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="220" />
      <source>Le fichier est vide.</source>
      <translation>The file is empty.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="305" />
      <source>« {header} »</source>
      <translation>“{header}”</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="333" />
      <source>identifiant</source>
      <translation>identifier</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="333" />
      <source>nom</source>
      <translation>last name</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="333" />
      <source>prénom</source>
      <translation>first name</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="336" />
      <source>ligne ignorée : {fields} manquants.</source>
      <translation>row skipped: {fields} missing.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="337" />
      <source>ligne ignorée : {fields} manquant.</source>
      <translation>row skipped: {fields} missing.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="359" />
      <source>nom vide : comparé sur le prénom et la date de naissance, jamais comme « Sûr ».</source>
      <translation>last name empty: compared on the first name and the birth date, never as “Sure”.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="360" />
      <source>prénom vide : comparé sur le nom et la date de naissance, jamais comme « Sûr ».</source>
      <translation>first name empty: compared on the last name and the birth date, never as “Sure”.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="230" />
      <source>Colonnes non reconnues (il manque : {missing}) ; colonnes lues : {seen}.</source>
      <translation>Columns not recognised (missing: {missing}); columns read: {seen}.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="341" />
      <source>ligne ignorée : identifiant déjà présent ligne {v0}.</source>
      <translation>row skipped: identifier already on row {v0}.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="349" />
      <source>vide</source>
      <translation>empty</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="287" />
      <source>La liste de l'ENT n'a pas de colonne {header} (indiquée pour {field}) ; colonnes lues : {seen}.</source>
      <translation>The ENT's list has no column {header} (given for {field}); columns read: {seen}.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="350" />
      <source>ligne ignorée : profil « {shown} » non reconnu.</source>
      <translation>row skipped: profile “{shown}” not recognised.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="357" />
      <source>date de naissance illisible, comparée sans date.</source>
      <translation>unreadable birth date, compared without a date.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="171" />
      <source>« {name} » compte plus de {rows} lignes : ce n'est pas une liste de comptes d'un établissement.</source>
      <translation>“{name}” has more than {rows} rows: it is not a school's account list.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="218" />
      <source>Ligne {line} : {problem} ; aucune ligne d'en-tête n'a pu être lue.</source>
      <translation>Row {line}: {problem}; no header row could be read.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="262" />
      <source>Les {lines} premières lignes du fichier sont vides ou illisibles : ce n'est pas une liste de comptes.</source>
      <translation>The first {lines} lines of the file are empty or unreadable: it is not an account list.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="279" />
      <source>La colonne {number} indiquée pour {field} n'existe pas : la liste de l'ENT n'en a que {count}.</source>
      <translation>Column {number}, given for {field}, does not exist: the ENT's list has only {count}.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="282" />
      <source>La colonne {header} indiquée pour {field} ne peut pas être trouvée : la liste de l'ENT n'a pas de ligne d'en-tête reconnue ; indiquez le numéro de la colonne.</source>
      <translation>The column {header} given for {field} cannot be found: the ENT's list has no header row that could be recognised; give the column's number.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="294" />
      <source>La colonne {number}{header} est indiquée pour {first} et pour {second} : une colonne ne contient qu'une information ; indiquez-en une autre.</source>
      <translation>Column {number}{header} is given for both {first} and {second}: a column holds one piece of information; give another one.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="324" />
      <source>ligne ignorée : une cellule dépasse {limit} caractères.</source>
      <translation>row skipped: a cell is longer than {limit} characters.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="149" />
      <source>colonne {n}</source>
      <translation>column {n}</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/entcsv.py" line="338" />
      <source> et </source>
      <translation> and </translation>
    </message>
    <message>
      <location filename="wizard/core/matching/result.py" line="30" />
      <source>plusieurs candidats presque identiques</source>
      <translation>several almost identical candidates</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/result.py" line="31" />
      <source>départagé par la famille</source>
      <translation>settled by the family</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/result.py" line="20" />
      <source>Sûr</source>
      <translation>Sure</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/result.py" line="20" />
      <source>Probable</source>
      <translation>Probable</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/result.py" line="20" />
      <source>Ambigu</source>
      <translation>Ambiguous</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/result.py" line="21" />
      <source>Seulement dans PRONOTE</source>
      <translation>Only in PRONOTE</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/result.py" line="21" />
      <source>Seulement dans l'ENT</source>
      <translation>Only in the ENT</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/result.py" line="24" />
      <source>Sûrs</source>
      <translation>Sure</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/result.py" line="24" />
      <source>Probables</source>
      <translation>Probable</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/result.py" line="24" />
      <source>Ambigus</source>
      <translation>Ambiguous</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/rows.py" line="18" />
      <source>un guillemet ouvert n'y est pas refermé (les lignes suivantes sont lues une à une)</source>
      <translation>a quote opened on it is not closed (the following rows are read one by one)</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/rows.py" line="19" />
      <source>elle est démesurée (plus de 16 000 caractères)</source>
      <translation>it is far too long (over 16,000 characters)</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="39" />
      <source>particule</source>
      <translation>particle</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="40" />
      <source>ordre des noms</source>
      <translation>name order</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="41" />
      <source>nom d'usage</source>
      <translation>usage surname</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="42" />
      <source>nom d'usage différent</source>
      <translation>different usage surname</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="43" />
      <source>faute de frappe (nom)</source>
      <translation>typo (last name)</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="44" />
      <source>orthographe proche (nom)</source>
      <translation>close spelling (last name)</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="45" />
      <source>nom manquant</source>
      <translation>last name missing</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="47" />
      <source>nom différent : mariage ou nom d'usage ?</source>
      <translation>different last name: marriage or name in use?</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="48" />
      <source>prénom composé</source>
      <translation>compound first name</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="49" />
      <source>prénoms multiples</source>
      <translation>several first names</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="50" />
      <source>prénom usuel</source>
      <translation>usual first name</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="51" />
      <source>faute de frappe (prénom)</source>
      <translation>typo (first name)</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="52" />
      <source>orthographe proche (prénom)</source>
      <translation>close spelling (first name)</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="53" />
      <source>prénom très mal orthographié</source>
      <translation>badly misspelt first name</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="54" />
      <source>prénom manquant</source>
      <translation>first name missing</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="55" />
      <source>prénom différent : prénom usuel, surnom ou erreur de saisie ?</source>
      <translation>different first name: usual first name, nickname or typing error?</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="56" />
      <source>date inversée</source>
      <translation>day and month swapped</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="57" />
      <source>date différente d'un chiffre</source>
      <translation>date one digit off</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="58" />
      <source>deux chiffres de la date inversés</source>
      <translation>two digits of the date swapped</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="59" />
      <source>date différente de deux chiffres</source>
      <translation>date two digits off</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="60" />
      <source>date manquante</source>
      <translation>missing date</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="61" />
      <source>date de naissance différente</source>
      <translation>different birth date</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="62" />
      <source>nom et prénom inversés</source>
      <translation>last and first names swapped</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="63" />
      <source>enfant rapproché en commun</source>
      <translation>a matched child in common</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="64" />
      <source>parent rapproché en commun</source>
      <translation>a matched parent in common</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="65" />
      <source>aucun enfant ou parent rapproché en commun</source>
      <translation>no matched child or parent in common</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="66" />
      <source>classe d'un enfant en commun</source>
      <translation>a child's class in common</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="67" />
      <source>classes différentes</source>
      <translation>different classes</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="77" />
      <source>même nom</source>
      <translation>same last name</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="78" />
      <source>même prénom</source>
      <translation>same first name</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="79" />
      <source>même date de naissance</source>
      <translation>same birth date</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="80" />
      <source>nom différent</source>
      <translation>different last name</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/scoring.py" line="81" />
      <source>prénom différent</source>
      <translation>different first name</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/source.py" line="117" />
      <source>« {name} » est trop volumineux pour une liste de comptes (plus de {limit} Mo) : choisissez le fichier CSV exporté de l'ENT.</source>
      <translation>“{name}” is too large for an account list (over {limit} MB): choose the CSV file exported from the ENT.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/source.py" line="143" />
      <source>« {name} » n'est pas un texte lisible (encodage inconnu) : enregistrez la liste en CSV UTF-8.</source>
      <translation>“{name}” is not readable text (unknown encoding): save the list as UTF-8 CSV.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/source.py" line="141" />
      <source>« {name} » semble encodé en UTF-16, mais il ne se décode pas : enregistrez la liste en CSV UTF-8.</source>
      <translation>“{name}” looks like UTF-16 but does not decode: save the list as UTF-8 CSV.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/source.py" line="93" />
      <source>Le fichier « {name} » est introuvable.</source>
      <translation>The file “{name}” cannot be found.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/source.py" line="98" />
      <source>Le fichier « {name} » ne peut pas être ouvert.</source>
      <translation>The file “{name}” cannot be opened.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/source.py" line="104" />
      <source>« {name} » est un dossier, pas une liste de comptes.</source>
      <translation>“{name}” is a folder, not an account list.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/source.py" line="106" />
      <source>« {name} » n'est pas un fichier ordinaire (périphérique, tube…) : choisissez le fichier CSV exporté de l'ENT.</source>
      <translation>“{name}” is not a regular file (device, pipe…): choose the CSV file exported from the ENT.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/source.py" line="71" />
      <source>Le fichier « {name} » ne peut pas être lu jusqu'au bout (ligne {line}).</source>
      <translation>The file “{name}” cannot be read to the end (row {line}).</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/source.py" line="62" />
      <source>« {name} » a plus d'un million de lignes : ce n'est pas une liste de comptes.</source>
      <translation>“{name}” has over a million lines: it is not an account list.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/source.py" line="132" />
      <source>« {name} » n'est pas un fichier texte (encodage inconnu, ou classeur .xlsx/.ods) : enregistrez la liste au format CSV.</source>
      <translation>“{name}” is not a text file (unknown encoding, or an .xlsx/.ods workbook): save the list as CSV.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/worksheet.py" line="19" />
      <source>Données personnelles (noms, dates de naissance) : document à usage interne de l'établissement, à supprimer une fois le rapprochement des comptes terminé.</source>
      <translation>Personal data (names, birth dates): for the school's internal use only, to be deleted once the account matching is finished.</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/worksheet.py" line="22" />
      <source>Éléments (pour + / contre −)</source>
      <translation>Evidence (for + / against −)</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/worksheet.py" line="23" />
      <source>Identifiant PRONOTE</source>
      <translation>PRONOTE identifier</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/worksheet.py" line="23" />
      <source>Nom PRONOTE</source>
      <translation>PRONOTE last name</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/worksheet.py" line="23" />
      <source>Prénom PRONOTE</source>
      <translation>PRONOTE first name</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/worksheet.py" line="24" />
      <source>Date de naissance PRONOTE</source>
      <translation>PRONOTE birth date</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/worksheet.py" line="25" />
      <source>Identifiant ENT</source>
      <translation>ENT identifier</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/worksheet.py" line="25" />
      <source>Nom ENT</source>
      <translation>ENT last name</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/worksheet.py" line="25" />
      <source>Prénom ENT</source>
      <translation>ENT first name</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/worksheet.py" line="25" />
      <source>Date de naissance ENT</source>
      <translation>ENT birth date</translation>
    </message>
    <message>
      <location filename="wizard/core/matching/worksheet.py" line="75" />
      <source>Décision</source>
      <translation>Decision</translation>
    </message>
    <message>
      <location filename="wizard/core/outcomes.py" line="62" />
      <source>PRONOTE confie l'authentification au serveur CAS {cas_host}</source>
      <translation>PRONOTE hands authentication to the CAS server {cas_host}</translation>
    </message>
    <message>
      <location filename="wizard/core/outcomes.py" line="63" />
      <source>PRONOTE répond, sans délégation de l'authentification (CAS inactif)</source>
      <translation>PRONOTE answers, without delegating authentication (CAS inactive)</translation>
    </message>
    <message>
      <location filename="wizard/core/outcomes.py" line="64" />
      <source>PRONOTE confie l'authentification à un autre serveur CAS ({cas_host})</source>
      <translation>PRONOTE hands authentication to another CAS server ({cas_host})</translation>
    </message>
    <message>
      <location filename="wizard/core/outcomes.py" line="65" />
      <source>le serveur a répondu, mais pas comme un serveur PRONOTE</source>
      <translation>the server answered, but not as a PRONOTE server</translation>
    </message>
    <message>
      <location filename="wizard/core/outcomes.py" line="66" />
      <source>le serveur a répondu par une erreur</source>
      <translation>the server answered with an error</translation>
    </message>
    <message>
      <location filename="wizard/core/outcomes.py" line="67" />
      <source>le serveur renvoie vers une autre adresse</source>
      <translation>the server redirects to another address</translation>
    </message>
    <message>
      <location filename="wizard/core/outcomes.py" line="68" />
      <source>le serveur n'a pas pu être joint</source>
      <translation>the server could not be reached</translation>
    </message>
    <message>
      <location filename="wizard/core/outcomes.py" line="69" />
      <source>l'adresse a été refusée ; rien n'a été envoyé</source>
      <translation>the address was refused; nothing was sent</translation>
    </message>
    <message>
      <location filename="wizard/core/outcomes.py" line="78" />
      <source>Dernière vérification du serveur le {date} : {seen}.</source>
      <translation>Last server check on {date}: {seen}.</translation>
    </message>
    <message>
      <location filename="wizard/core/outputs.py" line="127" />
      <source>le disque est plein</source>
      <translation>the disk is full</translation>
    </message>
    <message>
      <location filename="wizard/core/outputs.py" line="129" />
      <source>le dossier est protégé en écriture, ou le fichier est ouvert dans un autre programme</source>
      <translation>the folder is write-protected, or the file is open in another program</translation>
    </message>
    <message>
      <location filename="wizard/core/outputs.py" line="131" />
      <source>le fichier n'a pas pu être écrit en entier</source>
      <translation>the file could not be written whole</translation>
    </message>
    <message>
      <location filename="wizard/core/outputs.py" line="132" />
      <source>Impossible d'écrire « {path} » ({why}) : rien n'a été enregistré.</source>
      <translation>Cannot write “{path}” ({why}): nothing was saved.</translation>
    </message>
    <message>
      <location filename="wizard/core/outputs.py" line="39" />
      <source>« {path} » est un dossier : indiquez le nom du fichier à écrire.</source>
      <translation>“{path}” is a folder: give the name of the file to write.</translation>
    </message>
    <message>
      <location filename="wizard/core/outputs.py" line="42" />
      <source>Le dossier « {folder} » n'existe pas : choisissez un autre emplacement.</source>
      <translation>The folder “{folder}” does not exist: choose another place.</translation>
    </message>
    <message>
      <location filename="wizard/core/outputs.py" line="45" />
      <source>« {path} » est dans le dossier des données de l'assistant ({folder}) : choisissez un autre emplacement, ces fichiers ne doivent pas être remplacés.</source>
      <translation>“{path}” is in the assistant's data folder ({folder}): choose another place, these files must not be replaced.</translation>
    </message>
    <message>
      <location filename="wizard/core/outputs.py" line="58" />
      <source>« {path} » existe et est protégé en écriture : choisissez un autre nom.</source>
      <translation>“{path}” exists and is write-protected: choose another name.</translation>
    </message>
    <message>
      <location filename="wizard/core/outputs.py" line="51" />
      <source>« {path} » est un des fichiers de l'assistant (sa progression) sous un autre nom : choisissez un autre nom.</source>
      <translation>“{path}” is one of the assistant's own files (its progress) under another name: choose another name.</translation>
    </message>
    <message>
      <location filename="wizard/core/outputs.py" line="55" />
      <source>« {path} » est un des fichiers lus pour faire celui-ci : choisissez un autre nom.</source>
      <translation>“{path}” is one of the files read to make this one: choose another name.</translation>
    </message>
    <message>
      <location filename="wizard/core/pcclock.py" line="70" />
      <source>l'assistant a déjà enregistré sur cet ordinateur une action datée du {day}</source>
      <translation>the assistant has already recorded on this computer an action dated {day}</translation>
    </message>
    <message>
      <location filename="wizard/core/pcclock.py" line="97" />
      <source>le serveur {host} indique le {day}</source>
      <translation>the server {host} says {day}</translation>
    </message>
    <message>
      <location filename="wizard/core/pcclock.py" line="102" />
      <source>La date de cet ordinateur semble fausse : il indique le {today}, alors que {proof}. L'assistant s'en sert pour savoir quelle année scolaire a commencé et pour dater chaque import. Nous vous conseillons de corriger la date et l'heure de l'ordinateur (ou de le demander à la personne qui gère le parc informatique), puis de rouvrir l'assistant.</source>
      <translation>This computer's date seems wrong: it says {today}, whereas {proof}. The assistant uses it to know which school year has begun and to date each import. We advise you to correct the computer's date and time (or to ask whoever manages the school's computers), then to reopen the assistant.</translation>
    </message>
    <message>
      <location filename="wizard/core/pcclock.py" line="73" />
      <source>les informations de l'assistant sur l'ENT ont été vérifiées le {day}</source>
      <translation>the assistant's information about the ENT was checked on {day}</translation>
    </message>
    <message>
      <location filename="wizard/core/people.py" line="17" />
      <source>Élève</source>
      <translation>Pupil</translation>
    </message>
    <message>
      <location filename="wizard/core/people.py" line="18" />
      <source>Parent</source>
      <translation>Parent</translation>
    </message>
    <message>
      <location filename="wizard/core/people.py" line="19" />
      <source>Enseignant</source>
      <translation>Teacher</translation>
    </message>
    <message>
      <location filename="wizard/core/people.py" line="20" />
      <source>Non enseignant</source>
      <translation>Non-teaching staff</translation>
    </message>
    <message>
      <location filename="wizard/core/people.py" line="21" />
      <source>Autre</source>
      <translation>Other</translation>
    </message>
    <message>
      <location filename="wizard/core/people.py" line="28" />
      <source>Identifiant</source>
      <translation>Identifier</translation>
    </message>
    <message>
      <location filename="wizard/core/people.py" line="29" />
      <source>Nom</source>
      <translation>Last name</translation>
    </message>
    <message>
      <location filename="wizard/core/people.py" line="30" />
      <source>Prénom</source>
      <translation>First name</translation>
    </message>
    <message>
      <location filename="wizard/core/people.py" line="31" />
      <source>Date de naissance</source>
      <translation>Birth date</translation>
    </message>
    <message>
      <location filename="wizard/core/people.py" line="32" />
      <source>Profil</source>
      <translation>Profile</translation>
    </message>
    <message>
      <location filename="wizard/core/people.py" line="33" />
      <source>Classe</source>
      <translation>Class</translation>
    </message>
    <message>
      <location filename="wizard/core/people.py" line="34" />
      <source>Enfants</source>
      <translation>Children</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="296" />
      <source>Si le proxy {proxy} de l'établissement inspecte les connexions https, son certificat doit être installé dans le magasin de certificats du système.</source>
      <translation>If the school's proxy {proxy} inspects https connections, its certificate must be installed in the system's certificate store.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="41" />
      <source>requête refusée</source>
      <translation>request refused</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="42" />
      <source>authentification demandée</source>
      <translation>authentication required</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="43" />
      <source>accès interdit</source>
      <translation>access forbidden</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="44" />
      <source>page introuvable</source>
      <translation>page not found</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="45" />
      <source>méthode refusée</source>
      <translation>method not allowed</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="46" />
      <source>délai dépassé côté serveur</source>
      <translation>server-side timeout</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="47" />
      <source>page supprimée</source>
      <translation>page gone</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="48" />
      <source>trop de requêtes</source>
      <translation>too many requests</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="49" />
      <source>erreur interne du serveur</source>
      <translation>internal server error</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="50" />
      <source>passerelle en erreur</source>
      <translation>bad gateway</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="51" />
      <source>service indisponible</source>
      <translation>service unavailable</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="52" />
      <source>passerelle sans réponse</source>
      <translation>gateway timeout</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="162" />
      <source>La réponse du serveur n'est pas celle d'un serveur PRONOTE : vérifiez l'adresse.</source>
      <translation>The server's answer is not that of a PRONOTE server: check the address.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="245" />
      <source>Le serveur {host} est introuvable : vérifiez l'adresse PRONOTE et la connexion à Internet.</source>
      <translation>The server {host} cannot be found: check the PRONOTE address and the Internet connection.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="246" />
      <source>La recherche du serveur {host} n'a pas abouti (délai de {seconds} s dépassé) : vérifiez la connexion à Internet, puis réessayez.</source>
      <translation>Looking up the server {host} did not finish (time limit of {seconds} s exceeded): check the Internet connection, then try again.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="248" />
      <source>Le serveur {host} refuse la connexion : le service n'est peut-être pas démarré, ou l'adresse (le port) est incorrecte.</source>
      <translation>The server {host} refuses the connection: the service may not be running, or the address (port) is wrong.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="250" />
      <source>Le serveur {host} ne répond pas (délai de {seconds} s dépassé) : réessayez plus tard, ou vérifiez l'adresse et la connexion à Internet.</source>
      <translation>The server {host} does not answer ({seconds} s timeout exceeded): try again later, or check the address and the Internet connection.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="252" />
      <source>Le serveur {host} a fermé la connexion sans répondre.</source>
      <translation>The server {host} closed the connection without answering.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="253" />
      <source>Impossible de joindre le serveur {host} : vérifiez la connexion à Internet.</source>
      <translation>Cannot reach the server {host}: check the Internet connection.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="254" />
      <source>Le certificat du serveur {host} n'est pas reconnu comme sûr (autorité de certification inconnue) : la connexion a été interrompue.</source>
      <translation>The certificate of the server {host} is not trusted (unknown certificate authority): the connection was stopped.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="257" />
      <source>Le certificat du serveur {host} a expiré ou n'est pas encore valide : la connexion a été interrompue. Vérifiez aussi la date de cet ordinateur (le {today}) : si elle est fausse, un certificat valide paraît expiré.</source>
      <translation>The certificate of the server {host} has expired or is not valid yet: the connection was stopped. Also check this computer's date ({today}): when it is wrong, a valid certificate looks expired.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="260" />
      <source>Le certificat présenté n'est pas celui de {host} : la connexion a été interrompue. Vérifiez l'adresse PRONOTE.</source>
      <translation>The certificate presented is not that of {host}: the connection was stopped. Check the PRONOTE address.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="262" />
      <source>La connexion sécurisée (https) avec {host} a échoué : le serveur ne parle peut-être pas https à cette adresse.</source>
      <translation>The secure (https) connection with {host} failed: the server may not speak https at this address.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="265" />
      <source>Le réglage du proxy n'est pas valide (il doit ressembler à http://proxy.etablissement.fr:3128) : rien n'a été envoyé. Corrigez-le dans les réglages de l'assistant ou du système.</source>
      <translation>The proxy setting is not valid (it should look like http://proxy.school.fr:3128): nothing was sent. Correct it in the assistant's or the system's settings.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="268" />
      <source>Le proxy {proxy} n'est pas un proxy web en http:// (SOCKS ou https://), que l'assistant ne sait pas utiliser : rien n'a été envoyé. Indiquez le proxy web de l'établissement dans les réglages de l'assistant.</source>
      <translation>The proxy {proxy} is not an http:// web proxy (SOCKS or https://), which the assistant cannot use: nothing was sent. Enter the school's web proxy in the assistant's settings.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="271" />
      <source>Le proxy {proxy} est introuvable : vérifiez son nom dans les réglages (de l'assistant ou du système) et la connexion au réseau.</source>
      <translation>The proxy {proxy} cannot be found: check its name in the settings (the assistant's or the system's) and the network connection.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="273" />
      <source>Le proxy {proxy} refuse la connexion : vérifiez son adresse et son port dans les réglages (de l'assistant ou du système).</source>
      <translation>The proxy {proxy} refuses the connection: check its address and port in the settings (the assistant's or the system's).</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="275" />
      <source>Impossible de joindre le proxy {proxy} : vérifiez la connexion au réseau de l'établissement.</source>
      <translation>The proxy {proxy} cannot be reached: check the connection to the school's network.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="277" />
      <source>Le proxy {proxy} ne répond pas (délai de {seconds} s dépassé) : réessayez plus tard, ou vérifiez le réglage du proxy.</source>
      <translation>The proxy {proxy} does not answer (time limit of {seconds} s exceeded): try again later, or check the proxy setting.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="279" />
      <source>Le proxy {proxy} n'a pas répondu comme un proxy web : vérifiez son adresse et son port dans les réglages (de l'assistant ou du système).</source>
      <translation>The proxy {proxy} did not answer as a web proxy: check its address and port in the settings (the assistant's or the system's).</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="281" />
      <source>Le proxy {proxy} demande un identifiant et un mot de passe : indiquez-les dans les réglages de l'assistant, sous la forme http://identifiant:motdepasse@{proxy}.</source>
      <translation>The proxy {proxy} asks for a user name and a password: enter them in the assistant's settings, as http://username:password@{proxy}.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="283" />
      <source>Le proxy {proxy} a refusé l'identifiant ou le mot de passe indiqué : vérifiez-les dans les réglages de l'assistant.</source>
      <translation>The proxy {proxy} refused the user name or password given: check them in the assistant's settings.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="285" />
      <source>Le proxy {proxy} demande une authentification Windows (NTLM ou Kerberos), que l'assistant ne sait pas faire : demandez au responsable du réseau d'autoriser l'accès à {host} sans authentification, ou un identifiant utilisable en authentification simple.</source>
      <translation>The proxy {proxy} asks for Windows authentication (NTLM or Kerberos), which the assistant cannot do: ask the network administrator to allow access to {host} without authentication, or for a user name that works with basic authentication.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="288" />
      <source>Le proxy {proxy} refuse l'accès au serveur {host} (réponse {status}) : demandez au responsable du réseau de l'établissement d'autoriser ce serveur.</source>
      <translation>The proxy {proxy} refuses access to the server {host} (answer {status}): ask the school's network administrator to allow this server.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="290" />
      <source>Le proxy {proxy} n'a pas pu joindre le serveur {host} (réponse {status}) : vérifiez l'adresse PRONOTE, ou réessayez plus tard.</source>
      <translation>The proxy {proxy} could not reach the server {host} (answer {status}): check the PRONOTE address, or try again later.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="140" />
      <source> Ce n'est sans doute pas l'adresse d'un serveur PRONOTE : vérifiez-la.</source>
      <translation> This is probably not the address of a PRONOTE server: check it.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="150" />
      <source>Le serveur a envoyé un JSON imbriqué bien plus profondément que celui de PRONOTE : ce n'est pas une réponse PRONOTE.</source>
      <translation>The server sent JSON nested far deeper than PRONOTE's: this is not a PRONOTE answer.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="153" />
      <source>Le serveur a répondu par une page web, pas comme un serveur PRONOTE : l'adresse mène peut-être à un portail ou à une page de connexion.</source>
      <translation>The server answered with a web page, not as a PRONOTE server: the address may lead to a portal or a login page.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="156" />
      <source>Le serveur a répondu en JSON, mais pas comme un serveur PRONOTE : vérifiez l'adresse.</source>
      <translation>The server answered in JSON, but not as a PRONOTE server: check the address.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="158" />
      <source>Le serveur a envoyé une réponse JSON incomplète ou invalide : ce n'est pas la réponse d'un serveur PRONOTE.</source>
      <translation>The server sent an incomplete or invalid JSON answer: this is not how a PRONOTE server answers.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="161" />
      <source>Le serveur a envoyé une réponse vide : ce n'est pas un serveur PRONOTE.</source>
      <translation>The server sent an empty answer: it is not a PRONOTE server.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="114" />
      <source>adresse inconnue</source>
      <translation>unknown address</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="124" />
      <source>Le serveur a envoyé une réponse bien trop volumineuse pour être celle de PRONOTE : ce n'est pas un serveur PRONOTE, ou l'adresse est incorrecte.</source>
      <translation>The server sent an answer far too large to be PRONOTE's: it is not a PRONOTE server, or the address is wrong.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="136" />
      <source>erreur du serveur</source>
      <translation>server error</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="138" />
      <source>Le serveur a répondu {status} ({meaning}).</source>
      <translation>The server answered {status} ({meaning}).</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="142" />
      <source> Le serveur PRONOTE est peut-être en maintenance : réessayez plus tard.</source>
      <translation> The PRONOTE server may be under maintenance: try again later.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="111" />
      <source>Le serveur renvoie vers une adresse invalide : ce n'est pas la réponse d'un serveur PRONOTE.</source>
      <translation>The server redirects to an invalid address: this is not how a PRONOTE server answers.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="116" />
      <source>Le serveur renvoie de page en page sans jamais répondre (trop de redirections) : ce n'est pas la réponse d'un serveur PRONOTE.</source>
      <translation>The server redirects from page to page without ever answering (too many redirects): this is not how a PRONOTE server answers.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="137" />
      <source>réponse inattendue</source>
      <translation>unexpected answer</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="174" />
      <source>Serveur PRONOTE {version} de l'établissement « {name} »</source>
      <translation>PRONOTE {version} server of the school “{name}”</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="175" />
      <source>Serveur PRONOTE {version}</source>
      <translation>PRONOTE {version} server</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="178" />
      <source>{server} ; l'authentification est déléguée à {ent_name} ({cas_host}).</source>
      <translation>{server}; authentication is delegated to {ent_name} ({cas_host}).</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="118" />
      <source>Le serveur renvoie vers un autre serveur ({host}) ; l'assistant ne suit pas cette redirection. Vérifiez l'adresse PRONOTE : elle mène peut-être à un portail ou à une page de connexion.</source>
      <translation>The server redirects to another server ({host}); the assistant does not follow this redirect. Check the PRONOTE address: it may lead to a portal or a login page.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="182" />
      <source>{server} ; CAS inactif : l'authentification n'est déléguée à aucun ENT (la publication n'a pas encore été faite, ou n'est pas encore prise en compte).</source>
      <translation>{server}; CAS inactive: authentication is delegated to no ENT (publishing has not been done yet, or is not in force yet).</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="325" />
      <source>{message} Rien n'a été envoyé.</source>
      <translation>{message} Nothing was sent.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="186" />
      <source>{server} ; CAS vers un autre ENT : {cas_host}.</source>
      <translation>{server}; CAS to another ENT: {cas_host}.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="189" />
      <source>{server} ; CAS actif, mais le serveur n'indique pas l'adresse de son serveur CAS.</source>
      <translation>{server}; CAS active, but the server does not give the address of its CAS server.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/judge.py" line="309" />
      <source>Le serveur {host} a répondu, mais pas comme un serveur web : ce n'est pas un serveur PRONOTE.</source>
      <translation>The server {host} answered, but not as a web server: it is not a PRONOTE server.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/proxy.py" line="130" />
      <source>L'adresse du proxy doit être de la forme http://proxy.etablissement.fr:3128 (sans espace ni accent, sans chemin après le port).</source>
      <translation>The proxy's address must look like http://proxy.school.fr:3128 (no spaces or accents, no path after the port).</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/proxy.py" line="132" />
      <source>Les proxys SOCKS ne sont pas pris en charge : indiquez le proxy web (http://) de l'établissement.</source>
      <translation>SOCKS proxies are not supported: enter the school's web (http://) proxy.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/proxy.py" line="134" />
      <source>Indiquez le proxy en http:// : la connexion au serveur PRONOTE reste chiffrée de bout en bout à travers lui.</source>
      <translation>Enter the proxy with http://: the connection to the PRONOTE server stays encrypted end to end through it.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/proxy.py" line="136" />
      <source>L'adresse du proxy doit commencer par http://, par exemple http://proxy.etablissement.fr:3128.</source>
      <translation>The proxy's address must start with http://, for example http://proxy.school.fr:3128.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/proxy.py" line="137" />
      <source>Le nom du proxy n'est pas valide ; il ressemble par exemple à proxy.etablissement.fr ou 10.0.0.1.</source>
      <translation>The proxy's name is not valid; it looks like proxy.school.fr or 10.0.0.1, for example.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/proxy.py" line="139" />
      <source>Indiquez le port du proxy après deux-points, par exemple proxy.etablissement.fr:3128.</source>
      <translation>Enter the proxy's port after a colon, for example proxy.school.fr:3128.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/proxy.py" line="140" />
      <source>Le port du proxy doit être un nombre entre 1 et 65535, par exemple 3128 ou 8080.</source>
      <translation>The proxy's port must be a number between 1 and 65535, for example 3128 or 8080.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/target.py" line="26" />
      <source>Le port indiqué dans l'adresse PRONOTE (après « : ») n'est pas valide.</source>
      <translation>The port in the PRONOTE address (after “:”) is not valid.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/target.py" line="28" />
      <source>L'adresse PRONOTE est bien trop longue pour être celle d'un serveur PRONOTE ; copiez-la depuis la barre d'adresse du navigateur.</source>
      <translation>The PRONOTE address is far too long to be a PRONOTE server's; copy it from the browser's address bar.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/target.py" line="31" />
      <source>L'adresse PRONOTE contient des caractères qu'une adresse web ne peut pas contenir tels quels (lettres accentuées, caractères invisibles ou spéciaux) ; copiez-la depuis la barre d'adresse du navigateur.</source>
      <translation>The PRONOTE address holds characters a web address cannot hold as they are (accented letters, invisible or special characters); copy it from the browser's address bar.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/verdict.py" line="64" />
      <source>{message} Vous pouvez continuer sans cette vérification.</source>
      <translation>{message} You can go on without this check.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/verdict.py" line="88" />
      <source>{message} Vérifiez l'adresse PRONOTE sur la page « Votre établissement ».</source>
      <translation>{message} Check the PRONOTE address on the “Your school” page.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/verdict.py" line="69" />
      <source>Vérifié : le serveur PRONOTE délègue l'authentification à {ent_name} ({cas_host}).</source>
      <translation>Verified: the PRONOTE server delegates authentication to {ent_name} ({cas_host}).</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/verdict.py" line="72" />
      <source>CAS inactif : le serveur n'a pas encore de délégation d'authentification. La base n'a peut-être pas encore été publiée, ou la publication n'est pas terminée : vérifiez « {publish} » dans la {console}, attendez quelques minutes, puis vérifiez à nouveau.</source>
      <translation>CAS inactive: the server does not delegate authentication yet. The base may not be published yet, or the publication is not finished: check “{publish}” in the “{console}”, wait a few minutes, then check again.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/verdict.py" line="77" />
      <source>CAS vers un autre ENT : {cas_host}. Le serveur est encore relié à un autre ENT que {ent_name} : dans la {console}, choisissez la configuration « {configuration} », confirmez, puis publiez la base.</source>
      <translation>CAS towards another ENT: {cas_host}. The server is still connected to an ENT other than {ent_name}: in the “{console}”, choose the configuration “{configuration}”, confirm, then publish the base.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/verdict.py" line="82" />
      <source>CAS actif, mais le serveur n'indique pas l'adresse de son serveur CAS : dans la {console}, vérifiez que la configuration « {configuration} » est choisie, puis publiez la base.</source>
      <translation>CAS active, but the server does not give the address of its CAS server: in the “{console}”, check that the configuration “{configuration}” is chosen, then publish the base.</translation>
    </message>
    <message>
      <location filename="wizard/core/probe/verdict.py" line="86" />
      <source>{message} La vérification est impossible pour l'instant : réessayez, ou confirmez vous-même la publication ci-dessous.</source>
      <translation>{message} The check cannot be done for now: try again, or confirm the publication yourself below.</translation>
    </message>
    <message>
      <location filename="wizard/core/records.py" line="422" />
      <source>Rapprochement des comptes – feuille de travail</source>
      <translation>Account matching – worksheet</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="106" />
      <source>« /pronote/ » a été ajouté à l'adresse : c'est la racine de PRONOTE sur ce serveur.</source>
      <translation>“/pronote/” was added to the address: it is PRONOTE's root on this server.</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="44" />
      <source>Saisissez le code UAI de l'établissement (7 chiffres et une lettre, par exemple 0301746K).</source>
      <translation>Type the school's UAI code (7 digits and a letter, for example 0301746K).</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="48" />
      <source>Le code UAI comporte 7 chiffres suivis d'une lettre, par exemple 0301746K.</source>
      <translation>A UAI code has 7 digits followed by a letter, for example 0301746K.</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="68" />
      <source>Saisissez l'adresse de votre serveur PRONOTE, par exemple https://0301746K.index-education.net/pronote/.</source>
      <translation>Type the address of your PRONOTE server, for example https://0301746K.index-education.net/pronote/.</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="70" />
      <source>L'adresse PRONOTE ne doit pas contenir d'espace ; copiez-la depuis la barre d'adresse du navigateur.</source>
      <translation>The PRONOTE address must not contain spaces; copy it from the browser's address bar.</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="85" />
      <source>L'adresse PRONOTE doit commencer par https://.</source>
      <translation>The PRONOTE address must start with https://.</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="93" />
      <source>L'adresse ne contient pas de nom de serveur valide, par exemple 0301746K.index-education.net.</source>
      <translation>The address has no valid server name, such as 0301746K.index-education.net.</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="96" />
      <source>L'adresse PRONOTE ne doit pas contenir d'identifiant ni de mot de passe.</source>
      <translation>The PRONOTE address must not contain a login or a password.</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="144" />
      <source>L'adresse du site ENT ne doit pas contenir d'espace.</source>
      <translation>The ENT site address must not contain spaces.</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="74" />
      <source>Cette adresse n'est pas une adresse web ; elle doit commencer par https://.</source>
      <translation>This is not a web address; it must start with https://.</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="82" />
      <source>Cette adresse n'est pas valide ; copiez-la depuis la barre d'adresse du navigateur.</source>
      <translation>This address is not valid; copy it from the browser's address bar.</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="89" />
      <source>Le nom du serveur « {typed} » s'écrit « {host} » dans une adresse web : c'est sous cette forme que l'assistant l'utilise (contrôle du serveur, URL CAS).</source>
      <translation>The server name “{typed}” is written “{host}” in a web address: that is the form the assistant uses (server check, CAS URL).</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="104" />
      <source>L'adresse doit mener à la racine PRONOTE, qui se termine par /pronote/.</source>
      <translation>The address must lead to the PRONOTE root, which ends with /pronote/.</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="117" />
      <source>L'adresse désigne le serveur de l'établissement {host_uai}, différent de votre UAI {school_uai} : vérifiez que c'est bien votre serveur PRONOTE.</source>
      <translation>The address points to the server of school {host_uai}, not your UAI {school_uai}: check that it really is your PRONOTE server.</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="151" />
      <source>L'adresse du site ENT n'est pas valide.</source>
      <translation>The ENT site address is not valid.</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="53" />
      <source>La lettre de contrôle ne correspond pas : pour {digits}, elle devrait être « {expected} ». Vérifiez le code UAI.</source>
      <translation>The check letter does not match: for {digits}, it should be “{expected}”. Check the UAI code.</translation>
    </message>
    <message>
      <location filename="wizard/core/school.py" line="153" />
      <source>L'adresse du site ENT doit ressembler à {site_example}.</source>
      <translation>The ENT site address should look like {site_example}.</translation>
    </message>
    <message>
      <location filename="wizard/core/schoolyear.py" line="24" />
      <source>complet</source>
      <translation>full</translation>
    </message>
    <message>
      <location filename="wizard/core/schoolyear.py" line="24" />
      <source>partiel</source>
      <translation>partial</translation>
    </message>
    <message>
      <location filename="wizard/core/schoolyear.py" line="83" />
      <source>date inconnue</source>
      <translation>unknown date</translation>
    </message>
    <message>
      <location filename="wizard/core/schoolyear.py" line="86" />
      <source>inconnu</source>
      <translation>unknown</translation>
    </message>
    <message>
      <location filename="wizard/core/schoolyear.py" line="87" />
      <source>Dernier import : {day} en mode {mode}, {count} identifiant{plural}</source>
      <translation>Last import: {day} in {mode} mode, {count} identifier{plural}</translation>
    </message>
    <message>
      <location filename="wizard/core/schoolyear.py" line="98" />
      <source>Dernier import : {day}, {mode} ; {people} personne(s) dans le fichier ; l'ENT a annoncé {figure}</source>
      <translation>Last import: {day}, {mode}; {people} person(s) in the file; the ENT reported {figure}</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="99" />
      <source>Échecs d'identification</source>
      <translation>Identification failures</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="166" />
      <source>Noter le nombre d'utilisateurs en échec d'identification que PRONOTE affiche, voir son évolution et comment résoudre ces échecs.</source>
      <translation>Note the number of users in identification failure that PRONOTE shows, see how it changes and how to resolve these failures.</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="54" />
      <source>Publication déclarée le {date}, non vérifiée</source>
      <translation>Publication declared on {date}, not verified</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="87" />
      <source>Aucun import enregistré.</source>
      <translation>No import recorded.</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="101" />
      <source>Aucun nombre noté cette année : après l'import, relevez dans PRONOTE le nombre d'utilisateurs en échec.</source>
      <translation>No number noted this year: after the import, read in PRONOTE the number of users in failure.</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="112" />
      <source>Un nombre saisi ({count}, relevé le {day}) n'est pas encore noté : à l'étape « {step} », choisissez « Noter ce nombre ».</source>
      <translation>A count was typed ({count}, read on {day}) and is not noted yet: at the step “{step}”, choose “Note this number”.</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="51" />
      <source>Déjà en place, déclaré le {date}, non vérifié</source>
      <translation>Already in place, declared on {date}, not verified</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="53" />
      <source>Publication vérifiée sur le serveur PRONOTE le {date}</source>
      <translation>Publication verified on the PRONOTE server on {date}</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="136" />
      <source>Un import {mode} est en cours depuis le {date} : reprenez-le à l'étape « {title} ».</source>
      <translation>A {mode} import has been in progress since {date}: resume it at the step “{title}”.</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="143" />
      <source>Année {year} : l'import complet de la rentrée est fait (le {date}). À chaque arrivée de nouveaux élèves ou personnels, faites un import partiel.</source>
      <translation>School year {year}: the full import of the start of the year is done ({date}). Whenever new pupils or staff arrive, make a partial import.</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="153" />
      <source>Vérifier l'établissement et la version de PRONOTE, exporter depuis PRONOTE les identifiants de tous les utilisateurs, vérifier le fichier, l'importer dans l'ENT en mode « {import_mode_complet} », rapprocher les comptes, puis suivre les échecs d'identification.</source>
      <translation>Check the school and the PRONOTE version, export every user's identifiers from PRONOTE, check the file, import it into the ENT in “{import_mode_complet}” mode, match the accounts, then follow the identification failures.</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="158" />
      <source>Exporter depuis PRONOTE les seuls nouveaux arrivants, vérifier le fichier, l'importer dans l'ENT en mode « {import_mode_partiel} », rapprocher leurs comptes, puis suivre les échecs d'identification.</source>
      <translation>Export the newcomers only from PRONOTE, check the file, import it into the ENT in “{import_mode_partiel}” mode, match their accounts, then follow the identification failures.</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="162" />
      <source>Revenir à l'étape « {title} » de l'import {mode} commencé le {date}, là où vous vous êtes arrêté.</source>
      <translation>Go back to the step “{title}” of the {mode} import started on {date}, where you stopped.</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="171" />
      <source>Refaire l'import {mode} du {date} dans un nouveau passage : celui-ci reste dans l'historique tel quel.</source>
      <translation>Redo the {mode} import of {date} as a new pass: that one stays in the history as it is.</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="50" />
      <source>Déjà en place, vérifié sur le serveur PRONOTE le {date}</source>
      <translation>Already in place, verified on the PRONOTE server on {date}</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="74" />
      <source>À faire</source>
      <translation>To do</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="89" />
      <source>Année {year} : l'import complet de la rentrée n'est pas encore fait.</source>
      <translation>School year {year}: the full import of the start of the year is not done yet.</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="92" />
      <source>Import en cours, arrêté à l'étape « {title} ».</source>
      <translation>Import in progress, stopped at the step “{title}”.</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="105" />
      <source>Utilisateurs en échec, relevés dans PRONOTE : {trend}.</source>
      <translation>Users in failure, as read in PRONOTE: {trend}.</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="237" />
      <source>Parties 1 et 2 : déjà faites</source>
      <translation>Parts 1 and 2: already done</translation>
    </message>
    <message>
      <location filename="wizard/core/status.py" line="68" />
      <source>Fait le {date}</source>
      <translation>Done on {date}</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="44" />
      <source>Partie 1 – Service PRONOTE dans l'ENT</source>
      <translation>Part 1 – PRONOTE service in the ENT</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="44" />
      <source>Partie 2 – pronote.net</source>
      <translation>Part 2 – pronote.net</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="45" />
      <source>Partie 3 – Identifiants</source>
      <translation>Part 3 – Identifiers</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="25" />
      <source>Bienvenue</source>
      <translation>Welcome</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="26" />
      <source>Votre établissement</source>
      <translation>Your school</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="27" />
      <source>Créer le service PRONOTE dans l'ENT</source>
      <translation>Create the PRONOTE service in the ENT</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="28" />
      <source>Donner l'accès au service à chaque profil</source>
      <translation>Give each profile access to the service</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="29" />
      <source>Avant de basculer pronote.net</source>
      <translation>Before switching pronote.net</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="30" />
      <source>Basculer pronote.net vers {ent_name}</source>
      <translation>Switch pronote.net to {ent_name}</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="31" />
      <source>Import complet ou partiel</source>
      <translation>Full or partial import</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="32" />
      <source>Exporter les identifiants depuis PRONOTE</source>
      <translation>Export the identifiers from PRONOTE</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="33" />
      <source>Vérifier le fichier des identifiants</source>
      <translation>Check the identifier file</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="34" />
      <source>Importer le fichier dans l'ENT</source>
      <translation>Import the file into the ENT</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="35" />
      <source>Rapprocher les comptes</source>
      <translation>Match the accounts</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="36" />
      <source>Suivre les échecs d'identification</source>
      <translation>Follow the identification failures</translation>
    </message>
    <message>
      <location filename="wizard/core/steps.py" line="37" />
      <source>Terminé</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="428" />
      <source>Pour en utiliser un autre, lancez l'assistant avec --data-dir DOSSIER.</source>
      <translation>To use another one, start the assistant with --data-dir FOLDER.</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="470" />
      <source>Enregistrement impossible : une valeur de la progression ne peut pas être écrite (erreur de l'assistant ; le détail est dans le journal). Vos dernières modifications ne sont gardées qu'en mémoire, tant que l'assistant reste ouvert.</source>
      <translation>Cannot save: a value of the progress cannot be written (an error of the assistant; the details are in the log). Your latest changes are kept in memory only, as long as the assistant stays open.</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="433" />
      <source>un fichier porte ce nom (ou celui d'un dossier parent) à la place d'un dossier</source>
      <translation>a file has this name (or the name of a parent folder) instead of a folder</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="449" />
      <source>libérez de la place</source>
      <translation>free some space</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="482" />
      <source>c'est un lien vers un autre fichier</source>
      <translation>it is a link to another file</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="221" />
      <source>Le fichier de progression « {path} » était endommagé : sa dernière copie de secours a été rétablie ; vérifiez la dernière page que vous aviez remplie.</source>
      <translation>The progress file “{path}” was damaged: its last backup copy has been restored; check the last page you had filled in.</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="435" />
      <source>vous n'avez pas le droit d'y écrire</source>
      <translation>you are not allowed to write there</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="442" />
      <source>Le dossier de données « {folder} » ne peut pas être utilisé ({why}). {how}</source>
      <translation>The data folder “{folder}” cannot be used ({why}). {how}</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="452" />
      <source>rendez-le modifiable</source>
      <translation>make it writable</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="456" />
      <source>vérifiez ce dossier</source>
      <translation>check this folder</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="457" />
      <source>Enregistrement impossible : {why}. Vos dernières modifications ne sont gardées qu'en mémoire, tant que l'assistant reste ouvert. Pour ne pas les perdre, {todo} : l'assistant réessaiera à la prochaine modification. {how}</source>
      <translation>Saving failed: {why}. Your latest changes are kept in memory only, while the assistant stays open. Not to lose them, {todo}: the assistant will try again at the next change. {how}</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="463" />
      <source>Enregistrement impossible : le fichier « {file} » est en lecture seule ou ouvert par un autre programme. Vos dernières modifications ne sont gardées qu'en mémoire, tant que l'assistant reste ouvert. Pour ne pas les perdre, fermez le programme qui l'utilise ou retirez au fichier la lecture seule : l'assistant réessaiera à la prochaine modification.</source>
      <translation>Cannot save: the file “{file}” is read-only or open in another program. Your latest changes are kept in memory only, while the assistant stays open. Not to lose them, close the program using it or clear the file's read-only attribute: the assistant will try again at the next change.</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="484" />
      <source>ce n'est pas un fichier ordinaire</source>
      <translation>it is not a regular file</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="489" />
      <source>Le verrou « {path} », qui garantit qu'une seule fenêtre utilise ces données, ne peut pas être pris ({why}) : rien n'a été ouvert. Supprimez ce fichier s'il n'est pas à vous, ou choisissez un autre dossier. {how}</source>
      <translation>The lock “{path}”, which makes sure only one window uses this data, cannot be taken ({why}): nothing was opened. Delete this file if it is not yours, or choose another folder. {how}</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="495" />
      <source>Le dossier de données « {folder} » est sur un système de fichiers qui ne permet pas de verrou (un partage réseau, souvent) : l'assistant ne peut pas empêcher deux fenêtres d'y enregistrer en même temps, ce qui ferait perdre le travail de l'une.</source>
      <translation>The data folder “{folder}” is on a file system that does not allow locks (often a network share): the assistant cannot stop two windows from saving there at the same time, which would lose the work of one.</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="501" />
      <source>Le fichier de progression « {path} » ne peut pas être lu (droits insuffisants) : rien n'a été modifié. Corrigez ses droits. {how}</source>
      <translation>The progress file “{path}” cannot be read (insufficient rights): nothing was changed. Fix its rights. {how}</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="224" />
      <source>Le fichier de progression « {path} » avait disparu : sa dernière copie de secours a été rétablie ; vérifiez la dernière page que vous aviez remplie.</source>
      <translation>The progress file “{path}” had disappeared: its last backup copy has been restored; check the last page you had filled in.</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="227" />
      <source>Le fichier de progression « {path} » était illisible et aucune copie de secours n'était utilisable : l'assistant repart de zéro.</source>
      <translation>The progress file “{path}” was unreadable and no backup copy could be used: the assistant starts afresh.</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="437" />
      <source>il est sur un disque en lecture seule</source>
      <translation>it is on a read-only disk</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="448" />
      <source>le disque du dossier « {folder} » est plein</source>
      <translation>the disk of the folder “{folder}” is full</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="486" />
      <source>vous n'avez pas le droit de le lire (il appartient peut-être à un autre utilisateur)</source>
      <translation>you are not allowed to read it (it may belong to another user)</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="239" />
      <source>Ouvert en lecture seule : le dossier « {folder} » ne permet pas de verrou, rien de ce que vous faites ne sera enregistré. {how}</source>
      <translation>Opened read-only: the folder “{folder}” does not allow locks, nothing you do will be saved. {how}</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="348" />
      <source>Les données « {path} » ont été enregistrées par une version plus récente de l'assistant (format {version}) : installez la dernière version pour les ouvrir ; rien n'a été modifié.</source>
      <translation>The data “{path}” was saved by a newer version of the assistant (format {version}): install the latest version to open it; nothing was changed.</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="451" />
      <source>le dossier « {folder} » est protégé en écriture</source>
      <translation>the folder “{folder}” is write-protected</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="454" />
      <source>le système a refusé l'écriture dans « {folder} » ({error})</source>
      <translation>the system refused to write in “{folder}” ({error})</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="146" />
      <source>L'assistant est déjà ouvert pour ces données (une autre fenêtre ou un autre utilisateur) : fermez-le avant d'en ouvrir un second.</source>
      <translation>The assistant is already open for this data (another window or another user): close it before opening a second one.</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="229" />
      <source>L'ancien fichier est conservé sous le nom « {name} ».</source>
      <translation>The old file is kept under the name “{name}”.</translation>
    </message>
    <message>
      <location filename="wizard/core/store.py" line="488" />
      <source>erreur du système : {error}</source>
      <translation>system error: {error}</translation>
    </message>
    <message>
      <location filename="wizard/gui/about.py" line="16" />
      <source>Version {version}</source>
      <translation>Version {version}</translation>
    </message>
    <message>
      <location filename="wizard/gui/about.py" line="17" />
      <source>Logiciel libre sous licence publique de l'Union européenne (EUPL-1.2) : vous pouvez l'utiliser, le copier, le modifier et le redistribuer selon ses termes.</source>
      <translation>Free software under the European Union Public Licence (EUPL-1.2): you may use, copy, modify and redistribute it under its terms.</translation>
    </message>
    <message>
      <location filename="wizard/gui/about.py" line="21" />
      <source>Aucun nom ni date de naissance n'est conservé ni envoyé : seulement des nombres et des codes.</source>
      <translation>No name or date of birth is kept or sent: only counts and codes.</translation>
    </message>
    <message>
      <location filename="wizard/gui/about.py" line="22" />
      <source>Journal : {path}</source>
      <translation>Log: {path}</translation>
    </message>
    <message>
      <location filename="wizard/gui/about.py" line="23" />
      <source>Python {python}, Qt {qt} (PySide6)</source>
      <translation>Python {python}, Qt {qt} (PySide6)</translation>
    </message>
    <message>
      <location filename="wizard/gui/about.py" line="51" />
      <source>Logo de l'assistant</source>
      <translation>The assistant's logo</translation>
    </message>
    <message>
      <location filename="wizard/gui/accessibility.py" line="175" />
      <source>Question</source>
      <translation>Question</translation>
    </message>
    <message>
      <location filename="wizard/gui/accessibility.py" line="176" />
      <source>Avertissement</source>
      <translation>Warning</translation>
    </message>
    <message>
      <location filename="wizard/gui/accessibility.py" line="177" />
      <source>Erreur</source>
      <translation>Error</translation>
    </message>
    <message>
      <location filename="wizard/gui/branding.py" line="13" />
      <source>Assistant d'interconnexion PRONOTE – {ent_name}</source>
      <translation>PRONOTE – {ent_name} interconnection assistant</translation>
    </message>
    <message>
      <location filename="wizard/gui/branding.py" line="14" />
      <source>À propos</source>
      <translation>About</translation>
    </message>
    <message>
      <location filename="wizard/gui/crash_dialog.py" line="22" />
      <source>Erreur inattendue</source>
      <translation>Unexpected error</translation>
    </message>
    <message>
      <location filename="wizard/gui/crash_dialog.py" line="23" />
      <source>L'assistant a rencontré une erreur inattendue et n'a pas pu terminer cette action.</source>
      <translation>The assistant ran into an unexpected error and could not finish this action.</translation>
    </message>
    <message>
      <location filename="wizard/gui/crash_dialog.py" line="25" />
      <source>Votre progression est enregistrée ; relancez l'assistant : il reprendra à l'étape où vous étiez. Si l'erreur revient, envoyez le journal à votre référent numérique ou à l'assistance.</source>
      <translation>Your progress is saved; restart the assistant: it will resume at the step you were on. If the error comes back, send the log to your IT referent or to support.</translation>
    </message>
    <message>
      <location filename="wizard/gui/crash_dialog.py" line="29" />
      <source>Attention : vos dernières modifications n'ont pas pu être enregistrées (voir le message en haut de la page). Choisissez « Continuer quand même » pour les garder à l'écran et réessayer l'enregistrement. Si l'erreur revient, envoyez le journal à votre référent numérique ou à l'assistance.</source>
      <translation>Warning: your latest changes could not be saved (see the message at the top of the page). Choose “Continue anyway” to keep them on screen and try saving again. If the error comes back, send the log to your IT referent or to support.</translation>
    </message>
    <message>
      <location filename="wizard/gui/crash_dialog.py" line="34" />
      <source>Relancez l'assistant. Si l'erreur revient, envoyez le journal à votre référent numérique ou à l'assistance.</source>
      <translation>Restart the assistant. If the error comes back, send the log to your IT referent or to support.</translation>
    </message>
    <message>
      <location filename="wizard/gui/crash_dialog.py" line="37" />
      <source>Le journal se trouve dans : {path}</source>
      <translation>The log is in: {path}</translation>
    </message>
    <message>
      <location filename="wizard/gui/crash_dialog.py" line="38" />
      <source>Le journal n'a pas pu être écrit sur ce poste.</source>
      <translation>The log could not be written on this computer.</translation>
    </message>
    <message>
      <location filename="wizard/gui/crash_dialog.py" line="39" />
      <source>Ouvrir le dossier du journal</source>
      <translation>Open the log folder</translation>
    </message>
    <message>
      <location filename="wizard/gui/crash_dialog.py" line="40" />
      <source>Quitter l'assistant</source>
      <translation>Quit the assistant</translation>
    </message>
    <message>
      <location filename="wizard/gui/crash_dialog.py" line="41" />
      <source>Continuer quand même</source>
      <translation>Continue anyway</translation>
    </message>
    <message>
      <location filename="wizard/gui/help.py" line="13" />
      <source>Aide – {title}</source>
      <translation>Help – {title}</translation>
    </message>
    <message>
      <location filename="wizard/gui/help.py" line="18" />
      <source>Aide : {title}</source>
      <translation>Help: {title}</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="56" />
      <source>Accepté</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="56" />
      <source>Rejeté</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="62" />
      <source>Statut</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="62" />
      <source>Score</source>
      <translation>Score</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="62" />
      <source>Raisons</source>
      <translation>Reasons</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="62" />
      <source>PRONOTE</source>
      <translation>PRONOTE</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="63" />
      <source>ENT</source>
      <translation>ENT</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="71" />
      <source>Colonnes de la liste des comptes</source>
      <translation>Columns of the account list</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="112" />
      <source>Prévoir le rapprochement (facultatif)</source>
      <translation>Preview the matching (optional)</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="131" />
      <source>Charger la liste des comptes de l'ENT (CSV)…</source>
      <translation>Load the ENT account list (CSV)…</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="147" />
      <source>Aperçu du rapprochement des comptes</source>
      <translation>Account matching preview</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="156" />
      <source>La feuille de travail contient des données personnelles (noms, dates de naissance) : gardez-la dans l'établissement et supprimez-la une fois le rapprochement terminé.</source>
      <translation>The worksheet contains personal data (names, birth dates): keep it within the school and delete it once the matching is finished.</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="169" />
      <source>Tous les statuts</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="170" />
      <source>À examiner (tous sauf les sûrs)</source>
      <translation>To review (all but the sure ones)</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="175" />
      <source>Tous les profils</source>
      <translation>All profiles</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="180" />
      <source>nom, prénom ou identifiant</source>
      <translation>last name, first name or identifier</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="197" />
      <source>&amp;Détails (score, raisons)</source>
      <translation>&amp;Details (score, reasons)</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="209" />
      <source>A&amp;ccepter la paire</source>
      <translation>A&amp;ccept the pair</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="211" />
      <source>Re&amp;jeter la paire</source>
      <translation>Re&amp;ject the pair</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="215" />
      <source>&amp;Exporter la feuille de travail (CSV)…</source>
      <translation>&amp;Export the worksheet (CSV)…</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="218" />
      <source>&amp;Imprimer la feuille…</source>
      <translation>&amp;Print the worksheet…</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="236" />
      <source>Liste des comptes de l'ENT</source>
      <translation>ENT account list</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="236" />
      <source>Fichier CSV (*.csv *.txt);;Tous les fichiers (*)</source>
      <translation>CSV file (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="297" />
      <source>Comptes rapprochés par l'assistant, tous profils :</source>
      <translation>Accounts matched by the assistant, all profiles:</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="434" />
      <source>Feuille de travail du rapprochement</source>
      <translation>Matching worksheet</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="435" />
      <source>Fichier CSV (*.csv)</source>
      <translation>CSV file (*.csv)</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="78" />
      <source>(aucune)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="101" />
      <source>Il faut au moins les colonnes Nom, Prénom et Identifiant.</source>
      <translation>At least the Last name, First name and Identifier columns are needed.</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="104" />
      <source>Une même colonne est choisie pour deux informations : choisissez une colonne différente pour chacune.</source>
      <translation>The same column is chosen for two pieces of information: choose a different column for each.</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="125" />
      <source>Si vous avez la liste des comptes ENT de l'établissement en fichier CSV (l'assistant ne sait pas quel menu de l'ENT la produit), chargez-la ici : l'assistant la compare au fichier PRONOTE et montre, profil par profil, les comptes qui seront rapprochés, ceux qui sont ambigus (jumeaux, parents homonymes) et ceux qui manquent d'un côté. Les noms restent sur ce poste, en mémoire : seuls des totaux sont enregistrés.</source>
      <translation>If you have the school's list of ENT accounts as a CSV file (the assistant does not know which ENT menu produces it), load it here: the assistant compares it with the PRONOTE file and shows, profile by profile, the accounts that will be matched, those that are ambiguous (twins, namesake parents) and those missing on one side. Names stay on this computer, in memory: only totals are saved.</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="134" />
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="135" />
      <source>Progression du rapprochement</source>
      <translation>Matching progress</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="183" />
      <source>S&amp;tatut :</source>
      <translation>Sta&amp;tus:</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="183" />
      <source>Statut (filtre des lignes)</source>
      <translation>Status (filter of the rows)</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="184" />
      <source>Pro&amp;fil :</source>
      <translation>P&amp;rofile:</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="184" />
      <source>Profil (filtre des lignes)</source>
      <translation>Profile (filter of the rows)</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="185" />
      <source>&amp;Rechercher :</source>
      <translation>&amp;Search:</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="185" />
      <source>Rechercher un nom, un prénom ou un identifiant</source>
      <translation>Search a last name, a first name or an identifier</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="266" />
      <source>Comparaison des deux listes en cours…</source>
      <translation>Comparing the two lists…</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="277" />
      <source>Le rapprochement s'est terminé pour un autre établissement ou un autre import que celui affiché : il n'est pas montré ici.</source>
      <translation>The matching ended for another school or another import than the one shown: it is not shown here.</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="332" />
      <source>Le rapprochement a échoué à cause d'une erreur inattendue ; le détail est dans le journal.</source>
      <translation>The matching failed because of an unexpected error; the details are in the log.</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="73" />
      <source>Indiquez la colonne de chaque information :</source>
      <translation>Say which column holds each piece of information:</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="228" />
      <source>Pour accepter ou rejeter une paire, sélectionnez dans le tableau une ligne au statut « probable ».</source>
      <translation>To accept or reject a pair, select in the table a row whose status is “probable”.</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="298" />
      <source>• {status} : {count}</source>
      <translation>• {status}: {count}</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="451" />
      <source>Feuille de travail enregistrée : {path}. Elle contient des données personnelles.</source>
      <translation>Worksheet saved: {path}. It contains personal data.</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="548" />
      <source>{rows} ligne(s)</source>
      <translation>{rows} row(s)</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="265" />
      <source>Rapprochement annulé.</source>
      <translation>Matching cancelled.</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="301" />
      <source>{n} ligne(s) de la liste de l'ENT inutilisable(s), par exemple ligne {line} : {message}</source>
      <translation>{n} unusable row(s) in the ENT list, for example row {line}: {message}</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="381" />
      <source>… et {more} autre(s) ligne(s) : affinez avec les filtres, ou exportez la feuille de travail qui les contient toutes.</source>
      <translation>… and {more} more row(s): narrow them down with the filters, or export the worksheet, which holds them all.</translation>
    </message>
    <message>
      <location filename="wizard/gui/matching_preview.py" line="378" />
      <source>Tableau « {name} » : {rows} ligne(s).</source>
      <translation>Table “{name}”: {rows} row(s).</translation>
    </message>
    <message>
      <location filename="wizard/gui/network_settings.py" line="17" />
      <source>Proxy pour la vérification du serveur</source>
      <translation>Proxy for the server check</translation>
    </message>
    <message>
      <location filename="wizard/gui/network_settings.py" line="25" />
      <source>&amp;Proxy à utiliser (facultatif) :</source>
      <translation>&amp;Proxy to use (optional):</translation>
    </message>
    <message>
      <location filename="wizard/gui/network_settings.py" line="29" />
      <source>Proxy à utiliser (facultatif)</source>
      <translation>Proxy to use (optional)</translation>
    </message>
    <message>
      <location filename="wizard/gui/network_settings.py" line="30" />
      <source>Pour la vérification du serveur PRONOTE. Laissez vide pour utiliser celui du poste.</source>
      <translation>For the check of the PRONOTE server. Leave empty to use this computer's.</translation>
    </message>
    <message>
      <location filename="wizard/gui/network_settings.py" line="35" />
      <source>Laissez vide pour utiliser celui du poste. Un identifiant et un mot de passe du proxy (http://identifiant:motdepasse@proxy:3128) servent jusqu'à la fermeture de l'assistant et ne sont jamais enregistrés.</source>
      <translation>Leave empty to use this computer's proxy. A proxy user name and password (http://username:password@proxy:3128) are used until the assistant is closed and are never saved.</translation>
    </message>
    <message>
      <location filename="wizard/gui/network_settings.py" line="23" />
      <source>Par défaut, l'assistant passe par le proxy réglé sur ce poste : {proxy}.</source>
      <translation>By default, the assistant goes through the proxy set on this computer: {proxy}.</translation>
    </message>
    <message>
      <location filename="wizard/gui/network_settings.py" line="24" />
      <source>aucun (connexion directe)</source>
      <translation>none (direct connection)</translation>
    </message>
    <message>
      <location filename="wizard/gui/printables.py" line="39" />
      <source>la fiche de configuration</source>
      <translation>the configuration record</translation>
    </message>
    <message>
      <location filename="wizard/gui/printables.py" line="39" />
      <source>la notice</source>
      <translation>the notice</translation>
    </message>
    <message>
      <location filename="wizard/gui/printables.py" line="43" />
      <source>&amp;Imprimer la fiche…</source>
      <translation>&amp;Print the record…</translation>
    </message>
    <message>
      <location filename="wizard/gui/printables.py" line="44" />
      <source>&amp;Enregistrer la fiche en PDF…</source>
      <translation>&amp;Save the record as PDF…</translation>
    </message>
    <message>
      <location filename="wizard/gui/printables.py" line="48" />
      <source>Imprimer la &amp;notice…</source>
      <translation>Print the no&amp;tice…</translation>
    </message>
    <message>
      <location filename="wizard/gui/printables.py" line="49" />
      <source>Enregistrer la notice en P&amp;DF…</source>
      <translation>Save the notice as P&amp;DF…</translation>
    </message>
    <message>
      <location filename="wizard/gui/printables.py" line="65" />
      <source>C&amp;ontact indiqué sur la notice :</source>
      <translation>C&amp;ontact given on the notice:</translation>
    </message>
    <message>
      <location filename="wizard/gui/printables.py" line="69" />
      <source>par exemple le secrétariat, 04 66 00 00 00</source>
      <translation>for example the school office, 04 66 00 00 00</translation>
    </message>
    <message>
      <location filename="wizard/gui/printables.py" line="70" />
      <source>Contact indiqué sur la notice pour les familles et les personnels</source>
      <translation>Contact given on the notice for families and staff</translation>
    </message>
    <message>
      <location filename="wizard/gui/printables.py" line="129" />
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="wizard/gui/printables.py" line="59" />
      <source>Documents à imprimer ou à enregistrer</source>
      <translation>Documents to print or save</translation>
    </message>
    <message>
      <location filename="wizard/gui/printables.py" line="129" />
      <source>Enregistrer – {title}</source>
      <translation>Save – {title}</translation>
    </message>
    <message>
      <location filename="wizard/gui/printables.py" line="140" />
      <source>{title} enregistrée : {path}</source>
      <translation>{title} saved: {path}</translation>
    </message>
    <message>
      <location filename="wizard/gui/printables.py" line="80" />
      <source>Imprimer {title}</source>
      <translation>Print {title}</translation>
    </message>
    <message>
      <location filename="wizard/gui/server_check.py" line="38" />
      <source>Proxy…</source>
      <translation>Proxy…</translation>
    </message>
    <message>
      <location filename="wizard/gui/server_check.py" line="40" />
      <source>Réglages du proxy pour la vérification du serveur</source>
      <translation>Proxy settings for the server check</translation>
    </message>
    <message>
      <location filename="wizard/gui/server_check.py" line="101" />
      <source>Vérification annulée.</source>
      <translation>Check cancelled.</translation>
    </message>
    <message>
      <location filename="wizard/gui/server_check.py" line="33" />
      <source>Annuler la vérification</source>
      <translation>Cancel the check</translation>
    </message>
    <message>
      <location filename="wizard/gui/server_check.py" line="34" />
      <source>Vérification du serveur en cours</source>
      <translation>Server check in progress</translation>
    </message>
    <message>
      <location filename="wizard/gui/server_check.py" line="65" />
      <source>Interrogation du serveur PRONOTE…</source>
      <translation>Querying the PRONOTE server…</translation>
    </message>
    <message>
      <location filename="wizard/gui/server_check.py" line="79" />
      <source>L'établissement pour lequel le serveur était vérifié n'existe plus : le résultat n'a pas été enregistré.</source>
      <translation>The school whose server was being checked no longer exists: the result was not saved.</translation>
    </message>
    <message>
      <location filename="wizard/gui/server_check.py" line="84" />
      <source>Nouvel établissement</source>
      <translation>New school</translation>
    </message>
    <message>
      <location filename="wizard/gui/server_check.py" line="96" />
      <source>La vérification a échoué à cause d'une erreur inattendue ; le détail est dans le journal.</source>
      <translation>The check failed because of an unexpected error; the details are in the log.</translation>
    </message>
    <message>
      <location filename="wizard/gui/server_check.py" line="87" />
      <source>La vérification du serveur de « {name} » s'est terminée : son résultat est rattaché à cet établissement, pas à celui affiché.</source>
      <translation>The server check of “{name}” has ended: its result belongs to that school, not to the one shown.</translation>
    </message>
    <message>
      <location filename="wizard/gui/shell.py" line="57" />
      <source>Assistant d'interconnexion PRONOTE</source>
      <translation>PRONOTE interconnection assistant</translation>
    </message>
    <message>
      <location filename="wizard/gui/steps_panel.py" line="25" />
      <source>fait</source>
      <translation>done</translation>
    </message>
    <message>
      <location filename="wizard/gui/steps_panel.py" line="25" />
      <source>étape en cours</source>
      <translation>current step</translation>
    </message>
    <message>
      <location filename="wizard/gui/steps_panel.py" line="25" />
      <source>à faire</source>
      <translation>to do</translation>
    </message>
    <message>
      <location filename="wizard/gui/steps_panel.py" line="39" />
      <source>{step} : {state}</source>
      <translation>{step}: {state}</translation>
    </message>
    <message>
      <location filename="wizard/gui/steps_panel.py" line="135" />
      <source>Étapes de l'assistant</source>
      <translation>The assistant's steps</translation>
    </message>
    <message>
      <location filename="wizard/gui/window.py" line="360" />
      <source>Ouvrir en &amp;lecture seule</source>
      <translation>Open &amp;read-only</translation>
    </message>
    <message>
      <location filename="wizard/gui/window.py" line="361" />
      <source>&amp;Je suis seul à utiliser ce dossier</source>
      <translation>&amp;I am the only one using this folder</translation>
    </message>
    <message>
      <location filename="wizard/gui/window.py" line="362" />
      <source>&amp;Quitter</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <location filename="wizard/gui/window.py" line="293" />
      <source>Quitter l'assistant ? Votre progression est enregistrée sur ce poste : vous reprendrez à cette page en le relançant.</source>
      <translation>Quit the assistant? Your progress is saved on this computer: you will come back to this page when you open it again.</translation>
    </message>
    <message>
      <location filename="wizard/gui/window.py" line="304" />
      <source>&amp;Rester</source>
      <translation>&amp;Stay</translation>
    </message>
    <message>
      <location filename="wizard/gui/window.py" line="356" />
      <source>Vous pouvez l'ouvrir en lecture seule (rien ne sera enregistré), ou, si personne d'autre n'utilise ce dossier, l'ouvrir normalement.</source>
      <translation>You can open it read-only (nothing will be saved), or, if nobody else uses this folder, open it normally.</translation>
    </message>
    <message>
      <location filename="wizard/gui/window.py" line="297" />
      <source>Quitter l'assistant ? Attention : vos dernières modifications n'ont pas pu être enregistrées et seront perdues. {problem}</source>
      <translation>Quit the assistant? Warning: your latest changes could not be saved and will be lost. {problem}</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="71" />
      <source>Où en est l'interconnexion</source>
      <translation>Where the interconnection stands</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="106" />
      <source>&amp;Vérifier maintenant sur le serveur PRONOTE</source>
      <translation>&amp;Verify now on the PRONOTE server</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="116" />
      <source>Établissement et langue</source>
      <translation>School and language</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="118" />
      <source>Établissement s&amp;uivi :</source>
      <translation>S&amp;chool followed:</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="121" />
      <source>Établissement suivi</source>
      <translation>School followed</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="127" />
      <source>A&amp;jouter un établissement</source>
      <translation>A&amp;dd a school</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="130" />
      <source>&amp;Effacer les données locales…</source>
      <translation>&amp;Erase local data…</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="306" />
      <source>Effacer les données locales</source>
      <translation>Erase local data</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="307" />
      <source>Toutes les données de l'assistant sur ce poste seront effacées : établissements, étapes cochées, historique des imports et des vérifications. Cette action est définitive. Effacer ?</source>
      <translation>All the assistant's data on this computer will be erased: schools, ticked steps, history of imports and checks. This cannot be undone. Erase?</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="49" />
      <source>Chaque année, les établissements déjà reliés à l'ENT reviennent ici pour la partie 3 : l'import complet des identifiants PRONOTE à la rentrée, puis un import partiel à chaque arrivée de nouveaux élèves ou personnels. Si votre établissement est déjà relié, l'assistant le vérifie sur votre serveur PRONOTE à la page suivante et vous mène directement à la partie 3.</source>
      <translation>Every year, schools already connected to the ENT come back here for part 3: the full import of PRONOTE identifiers at the start of the school year, then a partial import whenever new pupils or staff arrive. If your school is already connected, the assistant checks it on your PRONOTE server on the next page and takes you straight to part 3.</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="84" />
      <source>&amp;Reprendre l'import en cours</source>
      <translation>&amp;Resume the import in progress</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="85" />
      <source>&amp;Nouvelle année scolaire : import complet</source>
      <translation>New school &amp;year: full import</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="86" />
      <source>Import partiel (nouveaux arr&amp;ivants)</source>
      <translation>Partial import (new arr&amp;ivals)</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="87" />
      <source>Suivre les é&amp;checs d'identification</source>
      <translation>Follow identification fail&amp;ures</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="88" />
      <source>Refaire cet imp&amp;ort</source>
      <translation>Redo this imp&amp;ort</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="275" />
      <source>Nouvel import</source>
      <translation>New import</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="276" />
      <source>Un import est déjà en cours pour cet établissement. En commencer un nouveau efface les cases cochées de l'import en cours (l'historique des imports est conservé). Continuer ?</source>
      <translation>An import is already in progress for this school. Starting a new one clears the ticks of the current import (the import history is kept). Continue?</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="38" />
      <source>Interconnexion PRONOTE – {ent_name}</source>
      <translation>PRONOTE – {ent_name} interconnection</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="40" />
      <source>Cet assistant vous guide, page par page, pour relier votre serveur PRONOTE à {ent_name} : élèves, parents et personnels ouvrent alors PRONOTE depuis l'ENT sans se reconnecter. Il ne peut pas cliquer à votre place dans l'ENT ou dans PRONOTE : il vous dit exactement quoi faire et quoi saisir, et vérifie tout ce qu'il peut. Vous pouvez vous arrêter à tout moment : la progression est gardée sur ce poste, et vous reprendrez à la même page.</source>
      <translation>This assistant guides you, page by page, through connecting your PRONOTE server to {ent_name}: pupils, parents and staff then open PRONOTE from the ENT without logging in again. It cannot click for you in the ENT or in PRONOTE: it tells you exactly what to do and what to type, and checks everything it can. You can stop at any time: your progress is kept on this computer, and you will resume on the same page.</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="54" />
      <source>Il vous faut :
• un compte administrateur de l'ENT (parties 1 et 3) ;
• pour un nouvel établissement seulement, un accès administrateur à pronote.net, dans la {hosting_console} de PRONOTE (partie 2) ;
• le compte Superviseur (SPR) du client PRONOTE (partie 3).</source>
      <translation>You need:
• an ENT administrator account (parts 1 and 3);
• for a new school only, administrator access to pronote.net, in PRONOTE's “{hosting_console}” (part 2);
• the Supervisor (SPR) account of the PRONOTE client (part 3).</translation>
    </message>
    <message>
      <location filename="wizard/pages/accueil.py" line="314" />
      <source>Ces fichiers n'ont pas pu être effacés (ouverts dans un autre programme, ou protégés) : {files}. Supprimez-les vous-même.</source>
      <translation>These files could not be erased (open in another program, or protected): {files}. Delete them yourself.</translation>
    </message>
    <message>
      <location filename="wizard/pages/base.py" line="258" />
      <source>Patientez jusqu'à la fin de l'opération en cours, ou annulez-la.</source>
      <translation>Wait until the current operation ends, or cancel it.</translation>
    </message>
    <message>
      <location filename="wizard/pages/base.py" line="305" />
      <source>Refaire cet import</source>
      <translation>Redo this import</translation>
    </message>
    <message>
      <location filename="wizard/pages/base.py" line="307" />
      <source>Refaire cet import, dans un nouveau passage</source>
      <translation>Redo this import, as a new pass</translation>
    </message>
    <message>
      <location filename="wizard/pages/base.py" line="340" />
      <source>Réessayer l'enregistrement</source>
      <translation>Try saving again</translation>
    </message>
    <message>
      <location filename="wizard/pages/base.py" line="320" />
      <source>Cet import a été terminé le {date} : il fait partie de l'historique et ne change plus (ses cases, son fichier et le nombre annoncé par l'ENT restent ceux d'alors). Pour le refaire, « Refaire cet import » commence un nouveau passage.</source>
      <translation>This import was finished on {date}: it is part of the history and no longer changes (its ticks, its file and the number the ENT reported stay as they were). To do it again, “Redo this import” starts a new pass.</translation>
    </message>
    <message>
      <location filename="wizard/pages/checklist.py" line="66" />
      <source>Copier</source>
      <translation>Copy</translation>
    </message>
    <message>
      <location filename="wizard/pages/checklist.py" line="80" />
      <source>Copié</source>
      <translation>Copied</translation>
    </message>
    <message>
      <location filename="wizard/pages/checklist.py" line="68" />
      <source>Copier {label_text}</source>
      <translation>Copy {label_text}</translation>
    </message>
    <message>
      <location filename="wizard/pages/checklist.py" line="81" />
      <source>Copié : {label_text}</source>
      <translation>Copied: {label_text}</translation>
    </message>
    <message>
      <location filename="wizard/pages/checklist.py" line="82" />
      <source>{label_text} copié dans le presse-papiers.</source>
      <translation>{label_text} copied to the clipboard.</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="26" />
      <source>Où PRONOTE les compte</source>
      <translation>Where PRONOTE counts them</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="34" />
      <source>Comment les résoudre</source>
      <translation>How to resolve them</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="55" />
      <source>Noter le nombre affiché par PRONOTE</source>
      <translation>Note the number PRONOTE shows</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="57" />
      <source>N&amp;ombre d'utilisateurs en échec :</source>
      <translation>&amp;Users in failure:</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="62" />
      <source>par exemple 49</source>
      <translation>for example 49</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="63" />
      <source>Nombre d'utilisateurs en échec, affiché par PRONOTE</source>
      <translation>Users in failure, as PRONOTE shows them</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="67" />
      <source>Rele&amp;vé le :</source>
      <translation>&amp;Date read:</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="70" />
      <source>jj/mm/aaaa</source>
      <translation>dd/mm/yyyy</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="71" />
      <source>Relevé le : jour où PRONOTE affichait ce nombre (jj/mm/aaaa)</source>
      <translation>Date read: the day PRONOTE showed this number (dd/mm/yyyy)</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="75" />
      <source>Noter ce &amp;nombre</source>
      <translation>Note this nu&amp;mber</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="78" />
      <source>&amp;Retirer le dernier nombre noté</source>
      <translation>&amp;Remove the last number noted</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="153" />
      <source>Noté : {count} le {day}.</source>
      <translation>Noted: {count} on {day}.</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="155" />
      <source>Il remplace le nombre noté plus tôt pour ce jour.</source>
      <translation>It replaces the number noted earlier for that day.</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="121" />
      <source>Aucun nombre noté pour l'instant.</source>
      <translation>No number noted yet.</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="172" />
      <source>Retiré : {count} le {day}.</source>
      <translation>Removed: {count} on {day}.</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="22" />
      <source>Après l'import, un élève, un parent ou un personnel que PRONOTE ne reconnaît pas quand il arrive depuis {ent_name} voit « {pronote_failure_message} ». Ces échecs se suivent et se corrigent dans PRONOTE, un par un.</source>
      <translation>After the import, a pupil, a parent or a staff member whom PRONOTE does not recognise when arriving from {ent_name} sees “{pronote_failure_message}”. These failures are followed and fixed in PRONOTE, one by one.</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="28" />
      <source>Dans le client PRONOTE, connecté en Superviseur (SPR), la page d'accueil montre un panneau « {pronote_home_failures_panel} » : « … {pronote_home_failures_count} ». Relevez ce nombre après chaque import, puis de temps en temps : noté ci-dessous, il s'affiche avec son évolution sur le tableau de bord de l'assistant.</source>
      <translation>In the PRONOTE client, logged in as Supervisor (SPR), the home page shows a “{pronote_home_failures_panel}” panel: “… {pronote_home_failures_count}”. Read that number after each import, then now and then: noted below, it shows with how it changes on the assistant's status board.</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="36" />
      <source>Dans le client PRONOTE, un par un, avec l'outil « {pronote_failures_tool} » : dans les versions de PRONOTE documentées, {pronote_failures_menu}. Selon votre version, ce menu peut avoir changé de place : cherchez alors « {pronote_failures_tool} » dans l'aide de PRONOTE.</source>
      <translation>In the PRONOTE client, one by one, with the “{pronote_failures_tool}” tool: in the documented versions of PRONOTE, “{pronote_failures_menu}”. Depending on your version, that menu may have moved: then search for “{pronote_failures_tool}” in PRONOTE's help.</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="40" />
      <source>Causes possibles – des hypothèses à vérifier au cas par cas, non une liste établie :
• un nouvel arrivant pour qui l'import partiel n'a pas encore été fait ;
• un export fait avec la case « {pronote_export_checkbox} » dans le mauvais état pour le mode d'import ;
• un nom ou une date de naissance qui diffère entre PRONOTE et l'ENT ;
• un compte supprimé puis recréé, dans l'ENT ou dans PRONOTE.</source>
      <translation>Possible causes – hypotheses to check case by case, not an established list:
• a newcomer for whom the partial import has not been done yet;
• an export made with the “{pronote_export_checkbox}” box in the wrong state for the import mode;
• a name or a birth date that differs between PRONOTE and the ENT;
• an account deleted and created again, in the ENT or in PRONOTE.</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="116" />
      <source>Nombres notés cette année : {trend}.</source>
      <translation>Numbers noted this year: {trend}.</translation>
    </message>
    <message>
      <location filename="wizard/pages/echecs.py" line="118" />
      <source>Aucun nombre noté cette année (le dernier : {count} le {day}).</source>
      <translation>No number noted this year (the last one: {count} on {day}).</translation>
    </message>
    <message>
      <location filename="wizard/pages/ent_acces.py" line="12" />
      <source>Toujours dans le formulaire du service, donnez l'accès à chacun des cinq profils. Conseil : avant de valider, vérifiez que chaque profil, « Parent » compris, a sa ligne dans le récapitulatif.</source>
      <translation>Still in the service form, give access to each of the five profiles. Tip: before saving, check that each profile, “Parent” included, has its line in the summary.</translation>
    </message>
    <message>
      <location filename="wizard/pages/ent_acces.py" line="17" />
      <source>Le « {ent_access_summary} » doit alors montrer ces cinq lignes. L'ENT y écrit le nom de l'établissement à sa façon, par exemple « {school_label_example} » : comparez le code UAI entre parenthèses, le profil et le rôle de chaque ligne.</source>
      <translation>The “{ent_access_summary}” must then show these five lines. The ENT writes the school's name there in its own way, for example “{school_label_example}”: compare the UAI code in brackets, the profile and the role of each line.</translation>
    </message>
    <message>
      <location filename="wizard/pages/ent_service.py" line="11" />
      <source>Dans l'ENT, créez le service PRONOTE avec l'authentification unique (CAS). Chaque valeur à saisir est sous son action, avec un bouton « Copier » ; cochez chaque ligne une fois faite dans le formulaire. Le formulaire a plusieurs onglets (« {ent_tab_general} », « {ent_tab_technical} »…) : cherchez chaque champ par son nom.</source>
      <translation>In the ENT, create the PRONOTE service with single sign-on (CAS). Each value to type is under its action, with a “Copy” button; tick each line once done in the form. The form has several tabs (“{ent_tab_general}”, “{ent_tab_technical}”…): look for each field by its name.</translation>
    </message>
    <message>
      <location filename="wizard/pages/ent_service.py" line="15" />
      <source>L'{ent_field_cas_url} est l'adresse de PRONOTE suivie de /** : elle autorise toutes les pages de votre serveur PRONOTE.</source>
      <translation>The “{ent_field_cas_url}” is the PRONOTE address followed by /**: it allows every page of your PRONOTE server.</translation>
    </message>
    <message>
      <location filename="wizard/pages/ent_service.py" line="26" />
      <source>URL du serveur PRONOTE</source>
      <translation>PRONOTE server URL</translation>
    </message>
    <message>
      <location filename="wizard/pages/ent_service.py" line="27" />
      <source>Regroupement</source>
      <translation>Group (“Regroupement”)</translation>
    </message>
    <message>
      <location filename="wizard/pages/ent_service.py" line="28" />
      <source>Version de PRONOTE</source>
      <translation>PRONOTE version</translation>
    </message>
    <message>
      <location filename="wizard/pages/ent_service.py" line="30" />
      <source>URL CAS de PRONOTE</source>
      <translation>PRONOTE CAS URL (“URL CAS de PRONOTE”)</translation>
    </message>
    <message>
      <location filename="wizard/pages/ent_service.py" line="29" />
      <source>(à relever dans le client PRONOTE)</source>
      <translation>(read it in the PRONOTE client)</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="35" />
      <source>Ces informations servent à toutes les étapes : l'assistant en déduit les valeurs à saisir dans l'ENT (dont l'URL CAS de PRONOTE), vérifie les codes et interroge votre serveur PRONOTE pour savoir si l'interconnexion est déjà en place.</source>
      <translation>This information is used at every step: the assistant derives from it the values to type in the ENT (including the PRONOTE CAS URL), checks the codes and queries your PRONOTE server to find out whether the interconnection is already in place.</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="116" />
      <source>Véri&amp;fier le serveur PRONOTE</source>
      <translation>Chec&amp;k the PRONOTE server</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="121" />
      <source>Utiliser ce nom</source>
      <translation>Use this name</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="183" />
      <source>Le serveur PRONOTE confie déjà l'authentification à {ent_name} : les parties 1 et 2 ont été faites. Il reste l'import des identifiants (partie 3).</source>
      <translation>The PRONOTE server already hands authentication to {ent_name}: parts 1 and 2 have been done. What remains is the identifier import (part 3).</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="186" />
      <source>Si votre établissement ouvre déjà PRONOTE depuis {ent_name}, vous pouvez passer à la partie 3 ; sinon, reprenez depuis la partie 1.</source>
      <translation>If your school already opens PRONOTE from {ent_name}, you can go on to part 3; otherwise, start again from part 1.</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="43" />
      <source>&amp;Nom de l'établissement</source>
      <translation>School na&amp;me</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="43" />
      <source>Nom de l'établissement</source>
      <translation>School name</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="44" />
      <source>par exemple Collège Via Domitia, Manduel</source>
      <translation>for example Collège Via Domitia, Manduel</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="45" />
      <source>Code &amp;UAI</source>
      <translation>&amp;UAI code</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="45" />
      <source>Code UAI de l'établissement</source>
      <translation>School UAI code</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="46" />
      <source>7 chiffres et une lettre, par exemple 0301746K</source>
      <translation>7 digits and a letter, for example 0301746K</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="47" />
      <source>Adresse du serveur P&amp;RONOTE</source>
      <translation>P&amp;RONOTE server address</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="47" />
      <source>Adresse du serveur PRONOTE</source>
      <translation>PRONOTE server address</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="49" />
      <source>&amp;Version de PRONOTE</source>
      <translation>PRONOTE &amp;version</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="49" />
      <source>par exemple 2024 – 2.5</source>
      <translation>for example 2024 – 2.5</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="50" />
      <source>Adresse du site &amp;ENT (facultatif)</source>
      <translation>&amp;ENT site address (optional)</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="50" />
      <source>Adresse du site ENT (facultatif)</source>
      <translation>ENT site address (optional)</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="102" />
      <source>L'adresse PRONOTE est celle de la barre d'adresse quand vous ouvrez PRONOTE dans un navigateur, sans le nom de l'espace (eleve.html, professeur.html…) : l'assistant l'enlève pour vous. La version s'affiche dans le titre du client PRONOTE (par exemple « PRONOTE 2024 - 2.5 »).</source>
      <translation>The PRONOTE address is the one in the address bar when you open PRONOTE in a browser, without the space's page name (eleve.html, professeur.html…): the assistant removes it for you. The version shows in the PRONOTE client's title bar (for example “PRONOTE 2024 - 2.5”).</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="136" />
      <source>L'interconnexion est déjà en place : passer à l'import des identifiants (recommandé)</source>
      <translation>The interconnection is already in place: go to the identifier import (recommended)</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="137" />
      <source>L'interconnexion est déjà en place, je le déclare (le serveur n'a pas pu le confirmer ; ce sera noté « déclaré, non vérifié ») : passer à l'import des identifiants</source>
      <translation>The interconnection is already in place, I declare it (the server could not confirm it; it will be recorded as “declared, not verified”): go to the identifier import</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="140" />
      <source>Tout reprendre depuis la partie 1 (création du service dans l'ENT)</source>
      <translation>Start again from part 1 (creating the service in the ENT)</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="227" />
      <source>Format attendu : l'adresse qui commence par https://, par exemple https://0301746K.index-education.net/pronote/.</source>
      <translation>Expected format: the address starting with https://, for example https://0301746K.index-education.net/pronote/.</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="129" />
      <source>L'interconnexion avec {ent_name} est-elle déjà en place ?</source>
      <translation>Is the interconnection with {ent_name} already in place?</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="215" />
      <source>Format attendu : 7 chiffres et une lettre, par exemple 0301746K.</source>
      <translation>Expected format: 7 digits and a letter, for example 0301746K.</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="312" />
      <source>L'assistant suit déjà un établissement avec ce code UAI ({name}) : ouvrez-le plutôt que d'en créer un second, ou corrigez le code UAI.</source>
      <translation>The assistant already follows a school with this UAI code ({name}): open it rather than making a second one, or correct the UAI code.</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="113" />
      <source>L'assistant interroge votre serveur PRONOTE (il faut une connexion à Internet) pour vérifier l'adresse, relever la version et voir si PRONOTE est déjà relié à {ent_name}. Rien d'autre n'est envoyé.</source>
      <translation>The assistant queries your PRONOTE server (an Internet connection is needed) to check the address, read the version and see whether PRONOTE is already connected to {ent_name}. Nothing else is sent.</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="207" />
      <source>Ce code UAI est déjà celui de « {name} », suivi par l'assistant.</source>
      <translation>This UAI code is already that of “{name}”, followed by the assistant.</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="209" />
      <source>&amp;Ouvrir l'établissement « {name} »</source>
      <translation>&amp;Open the school “{name}”</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="265" />
      <source>Le serveur PRONOTE à cette adresse se présente comme « {served} », et non comme « {typed} » : vérifiez l'adresse PRONOTE avant de passer les parties 1 et 2. S'il s'agit bien de votre établissement, choisissez ci-dessous.</source>
      <translation>The PRONOTE server at this address calls itself “{served}”, not “{typed}”: check the PRONOTE address before skipping parts 1 and 2. If it is your school indeed, choose below.</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="213" />
      <source>✓ Code UAI valide.</source>
      <translation>✓ Valid UAI code.</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="294" />
      <source>Utiliser le nom « {name} »</source>
      <translation>Use the name “{name}”</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="295" />
      <source>Utiliser le nom annoncé par le serveur : {name}</source>
      <translation>Use the name given by the server: {name}</translation>
    </message>
    <message>
      <location filename="wizard/pages/etablissement.py" line="221" />
      <source>Adresse retenue : {value}</source>
      <translation>Address used: {value}</translation>
    </message>
    <message>
      <location filename="wizard/pages/export_mode.py" line="27" />
      <source>Import &amp;complet – début d'année : tous les utilisateurs</source>
      <translation>Fu&amp;ll import – start of the year: every user</translation>
    </message>
    <message>
      <location filename="wizard/pages/export_mode.py" line="28" />
      <source>Import partie&amp;l – nouveaux arrivants seulement</source>
      <translation>&amp;Partial import – newcomers only</translation>
    </message>
    <message>
      <location filename="wizard/pages/export_mode.py" line="20" />
      <source>La partie 3 donne à l'ENT les identifiants PRONOTE qu'il présentera à PRONOTE pour reconnaître chaque utilisateur. Un import complet se fait en début d'année scolaire ; ensuite, un import partiel à chaque arrivée de nouveaux élèves ou personnels.</source>
      <translation>Part 3 gives the ENT the PRONOTE identifiers it will present to PRONOTE to recognise each user. A full import is made at the start of the school year; then a partial import whenever new pupils or staff arrive.</translation>
    </message>
    <message>
      <location filename="wizard/pages/export_mode.py" line="47" />
      <source>Aucun import enregistré par l'assistant.</source>
      <translation>No import recorded by the assistant.</translation>
    </message>
    <message>
      <location filename="wizard/pages/export_mode.py" line="49" />
      <source>Aucun import complet n'a été fait pour l'année {year} : l'import complet est conseillé.</source>
      <translation>No full import was made for the year {year}: the full import is advised.</translation>
    </message>
    <message>
      <location filename="wizard/pages/export_mode.py" line="52" />
      <source>L'import complet de l'année {year} est déjà enregistré : vous en refaites un. Pour les seuls nouveaux arrivants, l'import partiel suffit.</source>
      <translation>The full import of school year {year} is already recorded: you are making another one. For the newcomers alone, the partial import is enough.</translation>
    </message>
    <message>
      <location filename="wizard/pages/export_mode.py" line="55" />
      <source>L'import complet de l'année {year} est fait : pour les nouveaux arrivants, choisissez l'import partiel.</source>
      <translation>The full import of the year {year} is done: for newcomers, choose the partial import.</translation>
    </message>
    <message>
      <location filename="wizard/pages/export_pronote.py" line="11" />
      <source>Dans le client PRONOTE (le logiciel installé sur le poste), avec le compte Superviseur :</source>
      <translation>In the PRONOTE client (the software installed on the computer), with the Supervisor account:</translation>
    </message>
    <message>
      <location filename="wizard/pages/export_pronote.py" line="20" />
      <source>Import partiel : la case « {pronote_export_checkbox} » doit être COCHÉE, sinon tout le monde est exporté à nouveau.</source>
      <translation>Partial import: the box “{pronote_export_checkbox}” must be TICKED, otherwise everyone is exported again.</translation>
    </message>
    <message>
      <location filename="wizard/pages/export_pronote.py" line="23" />
      <source>Import complet : la case « {pronote_export_checkbox} » doit être DÉCOCHÉE, sinon les utilisateurs qui avaient déjà un identifiant CAS ne seront pas exportés.</source>
      <translation>Full import: the box “{pronote_export_checkbox}” must be UNTICKED, otherwise users who already had a CAS identifier will not be exported.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="354" />
      <source>L'analyse s'est terminée pour un établissement ou un import qui n'existe plus : son résultat n'a pas été enregistré.</source>
      <translation>The analysis ended for a school or an import that no longer exists: its result was not saved.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="371" />
      <source>octets</source>
      <translation>bytes</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="371" />
      <source>Ko</source>
      <translation>KB</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="371" />
      <source>Mo</source>
      <translation>MB</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="371" />
      <source>Go</source>
      <translation>GB</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="42" />
      <source>Aucun fichier choisi. Dans la source de l'assistant ({date}), ce fichier s'appelle {export_file_name} ; selon la version de PRONOTE, son nom peut différer.</source>
      <translation>No file chosen. In the assistant's source ({date}), this file is called {export_file_name}; depending on the PRONOTE version, its name may differ.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="57" />
      <source>&amp;Choisir le fichier…</source>
      <translation>&amp;Choose the file…</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="59" />
      <source>Choisir le fichier des identifiants PRONOTE</source>
      <translation>Choose the PRONOTE identifier file</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="79" />
      <source>Passer à l'import co&amp;mplet</source>
      <translation>Switch to the full im&amp;port</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="81" />
      <source>Passer à l'import complet</source>
      <translation>Switch to the full import</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="88" />
      <source>Nombre de personnes par profil</source>
      <translation>Number of people per profile</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="92" />
      <source>J'ai lu les avertissements</source>
      <translation>I have read the warnings</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="94" />
      <source>J'ai lu les avertissements sur le fichier</source>
      <translation>I have read the warnings on the file</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="97" />
      <source>&amp;Détails techniques</source>
      <translation>&amp;Technical details</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="111" />
      <source>A&amp;fficher :</source>
      <translation>Sho&amp;w:</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="114" />
      <source>Toutes les remarques</source>
      <translation>All remarks</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="115" />
      <source>Erreurs seulement</source>
      <translation>Errors only</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="116" />
      <source>Avertissements seulement</source>
      <translation>Warnings only</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="117" />
      <source>Afficher : filtre des remarques sur le fichier</source>
      <translation>Show: filter of the remarks on the file</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="124" />
      <source>Remarques sur le fichier : niveau, ligne, message</source>
      <translation>Remarks on the file: level, line, message</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="264" />
      <source>Fichier des identifiants PRONOTE</source>
      <translation>PRONOTE identifier file</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="265" />
      <source>Fichier XML (*.xml);;Tous les fichiers (*)</source>
      <translation>XML file (*.xml);;All files (*)</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="347" />
      <source>Analyse annulée : choisissez à nouveau le fichier pour la relancer.</source>
      <translation>Analysis cancelled: choose the file again to restart it.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="359" />
      <source>L'analyse lancée pour « {name} » s'est terminée : son résultat est rattaché à cet établissement, pas à celui affiché.</source>
      <translation>The analysis started for “{name}” has ended: its result belongs to that school, not to the one shown.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="41" />
      <source>Aucun fichier choisi. Le fichier s'appelle normalement {export_file_name}.</source>
      <translation>No file chosen. The file is normally called {export_file_name}.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="53" />
      <source>Choisissez le fichier exporté depuis PRONOTE, ou déposez-le sur cette page. L'assistant le lit sur ce poste, sans l'envoyer nulle part et sans conserver les noms : il compte les personnes par profil et signale ce qui pourrait faire échouer l'import ou laisser des comptes sans accès (identifiants manquants ou en double, fichier d'un autre établissement…).</source>
      <translation>Choose the file exported from PRONOTE, or drop it on this page. The assistant reads it on this computer, without sending it anywhere and without keeping the names: it counts people per profile and points out what could make the import fail or leave accounts without access (missing or duplicate identifiers, another school's file…).</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="125" />
      <source>Niveau</source>
      <translation>Level</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="125" />
      <source>Ligne</source>
      <translation>Line</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="125" />
      <source>Message</source>
      <translation>Message</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="194" />
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="293" />
      <source>Clé des empreintes</source>
      <translation>Key of the fingerprints</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="333" />
      <source>Import complet choisi : choisissez à nouveau le fichier pour le vérifier dans ce mode.</source>
      <translation>Full import chosen: choose the file again to check it in this mode.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="343" />
      <source>Le fichier n'a pas pu être lu à cause d'une erreur inattendue ; le détail est dans le journal.</source>
      <translation>The file could not be read because of an unexpected error; the details are in the log.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="62" />
      <source>Annuler l'analyse</source>
      <translation>Cancel the analysis</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="63" />
      <source>Progression de l'analyse du fichier</source>
      <translation>Progress of the file analysis</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="75" />
      <source>Si vous vouliez bien exporter tout le monde, passez à l'import complet : le fichier sera vérifié à nouveau dans ce mode, et vous l'importerez dans l'ENT en mode « {import_mode_complet} ». Sinon, refaites l'export en cochant la case, puis choisissez le nouveau fichier.</source>
      <translation>If you did mean to export everybody, switch to the full import: the file will be checked again in that mode, and you will import it into the ENT in “{import_mode_complet}” mode. Otherwise, export again with the box ticked, then choose the new file.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="175" />
      <source>Fichier : {name} – {size}</source>
      <translation>File: {name} – {size}</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="209" />
      <source>… et {more} autre(s) remarque(s) : la liste complète s'obtient avec la commande « check --json ».</source>
      <translation>… and {more} more remark(s): the full list comes with the “check --json” command.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="236" />
      <source>Format reconnu : {layout}</source>
      <translation>Layout recognised: {layout}</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="242" />
      <source>Empreinte SHA-256 du fichier : {sha}</source>
      <translation>SHA-256 fingerprint of the file: {sha}</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="305" />
      <source>Analyse de {name} en cours…</source>
      <translation>Analysing {name}…</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="213" />
      <source>{errors} erreur(s) bloquante(s) : corrigez-les dans PRONOTE et exportez de nouveau avant d'importer dans l'ENT.</source>
      <translation>{errors} blocking error(s): fix them in PRONOTE and export again before importing into the ENT.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="238" />
      <source>Encodage : {encoding}</source>
      <translation>Encoding: {encoding}</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="240" />
      <source>Champs utilisés : {fields}</source>
      <translation>Fields used: {fields}</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="283" />
      <source>« {name} » n'est pas un fichier que l'assistant peut ouvrir : rien n'a été changé.</source>
      <translation>“{name}” is not a file the assistant can open: nothing was changed.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="216" />
      <source>Aucune erreur bloquante ; {warnings} avertissement(s) à lire.</source>
      <translation>No blocking error; {warnings} warning(s) to read.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fichier.py" line="166" />
      <source>« {name} » a changé depuis sa vérification (exporté de nouveau ?) : l'assistant le vérifie à nouveau.</source>
      <translation>“{name}” has changed since it was checked (exported again?): the assistant checks it again.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="39" />
      <source>Ce que l'assistant a vérifié, et ce qui reste à confirmer :</source>
      <translation>What the assistant verified, and what remains to be confirmed:</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="38" />
      <source>L'interconnexion est en place et l'assistant a pu tout vérifier :</source>
      <translation>The interconnection is in place and the assistant could verify everything:</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="76" />
      <source>La fiche de configuration garde la trace de ce qui a été réglé et vérifié (sans aucune donnée personnelle). La notice dit aux familles et aux personnels avec quels identifiants se connecter et comment ouvrir PRONOTE.</source>
      <translation>The configuration record keeps track of what was set and verified (with no personal data at all). The notice tells families and staff which credentials to log in with and how to open PRONOTE.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="30" />
      <source>Import dans l'ENT : {count} identifiant(s) annoncé(s) par l'ENT, recopié(s) par vous.</source>
      <translation>Import into the ENT: {count} identifier(s), as reported by the ENT and typed in by you.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="66" />
      <source>La prochaine fois :
• à l'arrivée de nouveaux élèves ou personnels, relancez l'assistant et choisissez « Import partiel (nouveaux arrivants) » ;
• en début d'année scolaire, choisissez « Nouvelle année scolaire » pour l'import complet (conseil : mettez aussi à jour la version de PRONOTE dans le service de l'ENT si elle a changé).
Les parties 1 et 2 n'ont pas à être refaites.</source>
      <translation>Next time:
• when new pupils or staff arrive, open the assistant again and choose “Partial import (new arrivals)”;
• at the start of the school year, choose “New school year” for the full import (tip: also update the PRONOTE version in the ENT service if it changed).
Parts 1 and 2 need not be done again.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="22" />
      <source>Parties 1 et 2 : non vérifiées</source>
      <translation>Parts 1 and 2: not verified</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="26" />
      <source>Fichier des identifiants vérifié : {total} personne(s), aucune erreur bloquante.</source>
      <translation>Identifier file checked: {total} person(s), no blocking error.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="94" />
      <source>PRONOTE : {url}</source>
      <translation>PRONOTE: {url}</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="95" />
      <source>URL CAS de PRONOTE : {url}</source>
      <translation>PRONOTE CAS URL: {url}</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="51" />
      <source>Avec quels identifiants ? Pour entrer dans {ent_name}, les élèves et les parents utilisent {login_pupils_parents} ; les personnels de l'Éducation nationale, {login_staff}. Le client PRONOTE installé sur les postes garde ses propres identifiants.</source>
      <translation>With which credentials? To enter {ent_name}, pupils and parents use {login_pupils_parents}; Éducation nationale staff, {login_staff}. The PRONOTE client installed on computers keeps its own credentials.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="55" />
      <source>Première connexion : la première fois qu'un élève, un parent ou un personnel ouvre PRONOTE depuis {ent_name}, une page de « première connexion » lui est proposée une seule fois. Ensuite, un clic sur {service_title} dans le menu {service_regroupement} suffit (élèves et parents ont aussi le bloc PRONOTE de leur page d'accueil).</source>
      <translation>First connection: the first time a pupil, a parent or a staff member opens PRONOTE from {ent_name}, a “première connexion” page is offered to them once. After that, one click on “{service_title}” in the “{service_regroupement}” menu is enough (pupils and parents also have the PRONOTE block on their home page).</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="60" />
      <source>Si un utilisateur voit « {pronote_failure_message} » en ouvrant PRONOTE depuis l'ENT, ses données dans l'ENT ne correspondent pas à celles de PRONOTE : résolvez-le dans PRONOTE, {pronote_failures_menu}. Conseil : pour un nouvel arrivant, vérifiez d'abord qu'un import partiel a été fait. La page précédente, « Suivre les échecs d'identification » (aussi sur le tableau de bord), dit où PRONOTE compte ces échecs.</source>
      <translation>If a user sees “{pronote_failure_message}” when opening PRONOTE from the ENT, their data in the ENT does not match PRONOTE's: resolve it in PRONOTE, “{pronote_failures_menu}”. Tip: for a newcomer, first check that a partial import was made. The previous page, “Follow the identification failures” (also on the status board), says where PRONOTE counts these failures.</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="93" />
      <source>Établissement</source>
      <translation>School</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="40" />
      <source>✓ {line}</source>
      <translation>✓ {line}</translation>
    </message>
    <message>
      <location filename="wizard/pages/fin.py" line="41" />
      <source>? {line}</source>
      <translation>? {line}</translation>
    </message>
    <message>
      <location filename="wizard/pages/import_ent.py" line="20" />
      <source>Importez dans l'ENT le fichier vérifié à l'étape précédente, dans le mode choisi :</source>
      <translation>Import the file checked at the previous step into the ENT, in the chosen mode:</translation>
    </message>
    <message>
      <location filename="wizard/pages/import_ent.py" line="35" />
      <source>par exemple 1575</source>
      <translation>for example 1575</translation>
    </message>
    <message>
      <location filename="wizard/pages/import_ent.py" line="36" />
      <source>Nombre annoncé par l'ENT (identifiants importés)</source>
      <translation>Number reported by the ENT (identifiers imported)</translation>
    </message>
    <message>
      <location filename="wizard/pages/import_ent.py" line="40" />
      <source>&amp;Nombre annoncé par l'ENT :</source>
      <translation>Number reported by the EN&amp;T:</translation>
    </message>
    <message>
      <location filename="wizard/pages/import_ent.py" line="56" />
      <source>Après « {button} », l'ENT affiche un bilan, par exemple : « {message} » ({source}, {date}). Recopiez ci-dessous le nombre qu'il annonce (mode d'import choisi : « {mode_label} »).</source>
      <translation>After “{button}”, the ENT shows a report, for example: “{message}” ({source}, {date}). Copy below the number it reports (import mode chosen: “{mode_label}”).</translation>
    </message>
    <message>
      <location filename="wizard/pages/import_ent.py" line="64" />
      <source>Après un import partiel, ce nombre peut être celui des seuls nouveaux arrivants, ou le total des identifiants de l'ENT : recopiez-le tel quel, l'assistant reconnaît l'un et l'autre.</source>
      <translation>After a partial import, this number may be the newcomers alone, or the total of the ENT's identifiers: copy it as it is, the assistant recognises either.</translation>
    </message>
    <message>
      <location filename="wizard/pages/import_ent.py" line="70" />
      <source>« {name} » a changé depuis sa vérification (exporté de nouveau ?) : revenez à l'étape précédente pour le vérifier à nouveau avant de l'importer dans l'ENT.</source>
      <translation>“{name}” has changed since it was checked (exported again?): go back to the previous step to check it again before importing it into the ENT.</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net.py" line="18" />
      <source>Dans la {hosting_console} de PRONOTE (l'hébergement de votre serveur PRONOTE) :</source>
      <translation>In PRONOTE's “{hosting_console}” (the hosting of your PRONOTE server):</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net.py" line="105" />
      <source>CAS inactif</source>
      <translation>CAS inactive</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net.py" line="27" />
      <source>Vérifier la &amp;délégation</source>
      <translation>Check the &amp;delegation</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net.py" line="54" />
      <source>Avant la publication : prévenir les familles et les personnels</source>
      <translation>Before publishing: tell families and staff</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net.py" line="106" />
      <source>CAS vers {cas_host}</source>
      <translation>CAS towards {cas_host}</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net.py" line="44" />
      <source>Les parties 1 et 2 ne se font qu'une seule fois, pour toute la durée de l'interconnexion. Les prochaines fois, l'assistant vous mènera directement à la partie 3 (import des identifiants).</source>
      <translation>Parts 1 and 2 are done only once, for the whole life of the interconnection. From now on, the assistant will take you straight to part 3 (identifier import).</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net.py" line="31" />
      <source>Je ne peux pas faire vérifier le serveur par l'assistant : je déclare moi-même que la base a été publiée avec la configuration « {pronote_net_configuration} » (ce sera noté « déclaré, non vérifié »).</source>
      <translation>I cannot have the server checked by the assistant: I declare myself that the database was published with the “{pronote_net_configuration}” configuration (it will be recorded as “declared, not verified”).</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net.py" line="49" />
      <source>Conseil : prévenez les familles et les personnels avant « {hosting_publish} ». La notice leur dit avec quels identifiants se connecter à {ent_name} et comment y ouvrir PRONOTE. La fiche de configuration est proposée à la dernière page de l'assistant.</source>
      <translation>Tip: tell families and staff before “{hosting_publish}”. The notice tells them which credentials to log in to {ent_name} with and how to open PRONOTE there. The configuration record is offered on the assistant's last page.</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net.py" line="91" />
      <source>Déclaration impossible pour l'instant : le {date}, le serveur PRONOTE a répondu sans déléguer l'authentification à {ent_name} ({seen}). Déclarer la bascule irait contre ce que montre le serveur. Dans pronote.net, vérifiez que la configuration « {pronote_net_configuration} » est choisie et que la base est publiée (« Publier la base »), puis cliquez à nouveau sur « Vérifier la délégation ».</source>
      <translation>Declaring is not possible for now: on {date}, the PRONOTE server answered without delegating authentication to {ent_name} ({seen}). Declaring the switch would go against what the server shows. In pronote.net, check that the “{pronote_net_configuration}” configuration is chosen and that the base is published (“Publier la base”), then click “Check the delegation” again.</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net.py" line="25" />
      <source>Après « {hosting_publish} », votre serveur PRONOTE doit confier l'authentification au serveur CAS de {ent_name} ({ent_cas_host}). Vérifiez-le ici une fois la base publiée.</source>
      <translation>After “{hosting_publish}”, your PRONOTE server must hand authentication to the CAS server of {ent_name} ({ent_cas_host}). Check it here once the base is published.</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net.py" line="53" />
      <source>&amp;Enregistrer la notice en PDF…</source>
      <translation>Sa&amp;ve the notice as PDF…</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net_avertissement.py" line="25" />
      <source>• si la console d'hébergement était réglée pour un autre ENT, ce réglage est remplacé : la console prévient que les paramètres renseignés seront supprimés ;</source>
      <translation>• if the hosting console was set for another ENT, that setting is replaced: the console warns that the settings entered will be deleted;</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net_avertissement.py" line="37" />
      <source>J'ai compris : je bascule maintenant, en connaissance de cause.</source>
      <translation>I understand: I am switching now, knowingly.</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net_avertissement.py" line="33" />
      <source>Ce qui ne change pas : le client PRONOTE (le logiciel installé) garde ses propres identifiants PRONOTE.</source>
      <translation>What does not change: the PRONOTE client (the installed software) keeps its own PRONOTE credentials.</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net_avertissement.py" line="27" />
      <source>• élèves, parents et personnels ouvrent PRONOTE depuis {ent_name}, ou à l'adresse de PRONOTE avec leurs identifiants de l'ENT : pour les élèves et les parents, {login_pupils_parents} ; pour les personnels de l'Éducation nationale, {login_staff}.</source>
      <translation>• pupils, parents and staff open PRONOTE from {ent_name}, or at the PRONOTE address with their ENT credentials: for pupils and parents, {login_pupils_parents}; for Éducation nationale staff, {login_staff}.</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net_avertissement.py" line="19" />
      <source>La partie 2 confie l'authentification de votre serveur PRONOTE à {ent_name}. Dès la publication :</source>
      <translation>Part 2 hands your PRONOTE server's authentication to {ent_name}. From publication on:</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net_avertissement.py" line="23" />
      <source>• si votre établissement passait jusqu'ici par {previous_ent}, celui-ci ne peut plus ouvrir PRONOTE sans une seconde authentification ;</source>
      <translation>• if your school went through {previous_ent} until now, {previous_ent} can no longer open PRONOTE without a second login;</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net_avertissement.py" line="45" />
      <source>Nous sommes le {today}, près de la rentrée. Conseil : c'est un bon moment pour basculer, tout le monde découvre le nouvel accès en même temps.</source>
      <translation>Today is {today}, close to the start of the school year. Tip: it is a good moment to switch, everyone discovers the new access at the same time.</translation>
    </message>
    <message>
      <location filename="wizard/pages/pronote_net_avertissement.py" line="49" />
      <source>Nous sommes le {today}, en cours d'année scolaire. Conseil : la bascule change du jour au lendemain la façon dont chacun se connecte à PRONOTE ; sauf décision de la direction et information préalable des familles et des personnels, attendez la pré-rentrée. Vous pouvez quitter l'assistant et reprendre plus tard.</source>
      <translation>Today is {today}, during the school year. Tip: the switch changes overnight how everyone logs in to PRONOTE; unless the management decides otherwise and families and staff are told beforehand, wait for the back-to-school period. You can quit the assistant and resume later.</translation>
    </message>
    <message>
      <location filename="wizard/pages/rapprochement.py" line="10" />
      <source>Après l'import, faites dans l'ENT les rapprochements de comptes nécessaires, profil par profil, puis lisez le bilan d'import :</source>
      <translation>After the import, make the account matchings needed in the ENT, profile by profile, then read the import report:</translation>
    </message>
    <message>
      <location filename="wizard/pages/rapprochement.py" line="12" />
      <source>Quand les données d'un utilisateur dans l'ENT ne correspondent pas à celles de PRONOTE, PRONOTE lui affiche « {pronote_failure_message} ». Ces échecs se résolvent dans PRONOTE : {pronote_failures_menu} ; la page suivante dit où PRONOTE les compte.</source>
      <translation>When a user's data in the ENT does not match PRONOTE's, PRONOTE shows them “{pronote_failure_message}”. These failures are resolved in PRONOTE: “{pronote_failures_menu}”; the next page says where PRONOTE counts them.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Dans l'ENT, avec votre compte administrateur : menu {ent_menu_services}, bouton « {ent_button_new_service} ».</source>
      <translation>In the ENT, with your administrator account: menu “{ent_menu_services}”, button “{ent_button_new_service}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Intitulé du service : « {service_title} ». Conseil : gardez ce nom, c'est celui que la notice donne aux familles.</source>
      <translation>Service title (“Intitulé”): “{service_title}”. Tip: keep this name, it is the one the notice gives families.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>{ent_field_sso_type} : « {service_sso_type} ».</source>
      <translation>“{ent_field_sso_type}”: “{service_sso_type}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>L'adresse de votre serveur PRONOTE.</source>
      <translation>The address of your PRONOTE server.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>{ent_field_xiti} : ne rien saisir (laisser « {ent_xiti_default} »).</source>
      <translation>“{ent_field_xiti}”: type nothing (leave “{ent_xiti_default}”).</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>{ent_field_regroupement} : « {service_regroupement} », pour que les familles trouvent PRONOTE toujours au même endroit, y compris les parents qui ont des enfants dans plusieurs établissements.</source>
      <translation>“{ent_field_regroupement}”: “{service_regroupement}”, so that families always find PRONOTE in the same place, including parents with children in several schools.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Cochez « {service_bloc} » (un bloc sur la page d'accueil des élèves et des parents).</source>
      <translation>Tick “{service_bloc}” (a block on the home page of pupils and parents).</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>La version de votre serveur PRONOTE.</source>
      <translation>The version of your PRONOTE server.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>{ent_field_cas_url} : l'adresse de PRONOTE suivie de /** (toutes les pages sous la racine).</source>
      <translation>“{ent_field_cas_url}”: the PRONOTE address followed by /** (every page under the root).</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Onglet « {ent_tab_access} » : rôle « {access_role} », cible « {access_target} », profil « Élève », « {ent_field_level} » et « {ent_field_sublevel} » laissés à « {access_level} », puis « {ent_button_add_access} ».</source>
      <translation>Tab “{ent_tab_access}”: role “{access_role}”, target “{access_target}”, profile “Élève”, “{ent_field_level}” and “{ent_field_sublevel}” left at “{access_level}”, then “{ent_button_add_access}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Même opération pour le profil « Parent », puis « {ent_button_add_access} ».</source>
      <translation>Same for the profile “Parent”, then “{ent_button_add_access}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Même opération pour le profil « Enseignant », puis « {ent_button_add_access} ».</source>
      <translation>Same for the profile “Enseignant”, then “{ent_button_add_access}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Même opération pour le profil « Non enseignant », puis « {ent_button_add_access} ».</source>
      <translation>Same for the profile “Non enseignant”, then “{ent_button_add_access}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Même opération pour le profil « Autre », puis « {ent_button_add_access} ».</source>
      <translation>Same for the profile “Autre”, then “{ent_button_add_access}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Le « {ent_access_summary} » montre une ligne par profil pour votre établissement, sous le nom que l'ENT lui donne (par exemple « {school_label_example} ») : cliquez sur « {ent_button_validate} ».</source>
      <translation>The “{ent_access_summary}” shows one line per profile for your school, under the name the ENT gives it (for example “{school_label_example}”): click “{ent_button_validate}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Ouvrez la {hosting_console} de PRONOTE, volet « {hosting_panel} ».</source>
      <translation>Open PRONOTE's “{hosting_console}”, panel “{hosting_panel}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Cliquez sur « {hosting_stop} » : l'intégration dans un ENT ne se modifie que publication arrêtée.</source>
      <translation>Click “{hosting_stop}”: the ENT integration can only be changed while publication is stopped.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Onglet « {hosting_integration_tab} » : choisissez la configuration ENT « {pronote_net_configuration} ».</source>
      <translation>Tab “{hosting_integration_tab}”: choose the ENT configuration “{pronote_net_configuration}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Au message « {hosting_confirmation} », confirmez par « {hosting_confirm_button} ».</source>
      <translation>At the message “{hosting_confirmation}”, confirm with “{hosting_confirm_button}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Cliquez sur « {hosting_publish} ».</source>
      <translation>Click “{hosting_publish}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Ouvrez le client PRONOTE et connectez-vous en SPR (Superviseur).</source>
      <translation>Open the PRONOTE client and log in as SPR (Supervisor).</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Menu {pronote_export_menu}.</source>
      <translation>Menu “{pronote_export_menu}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Liste déroulante « {pronote_export_socle_field} » : {socle_ent}.</source>
      <translation>Drop-down list “{pronote_export_socle_field}”: {socle_ent}.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Case « {pronote_export_checkbox} » : DÉCOCHÉE. Ceux qui ont déjà un identifiant CAS doivent aussi être exportés, pour que PRONOTE puisse le remplacer.</source>
      <translation>Box “{pronote_export_checkbox}”: UNTICKED. Those who already have a CAS identifier must be exported too, so that PRONOTE can replace it.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Case « {pronote_export_checkbox} » : COCHÉE. Seuls les nouveaux arrivants seront exportés.</source>
      <translation>Box “{pronote_export_checkbox}”: TICKED. Only newcomers will be exported.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Choisissez le dossier d'enregistrement, validez, puis fermez la fenêtre de succès. Le fichier s'appelle {export_file_name}.</source>
      <translation>Choose the destination folder, confirm, then close the success window. The file is called {export_file_name}.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Dans l'ENT, avec votre compte administrateur : menu {ent_menu_import}.</source>
      <translation>In the ENT, with your administrator account: menu “{ent_menu_import}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Établissement : le vôtre.</source>
      <translation>“Établissement”: your school.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>{ent_field_import_mode} : « {import_mode_complet} ».</source>
      <translation>“{ent_field_import_mode}”: “{import_mode_complet}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>{ent_field_import_mode} : « {import_mode_partiel} ».</source>
      <translation>“{ent_field_import_mode}”: “{import_mode_partiel}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>{ent_field_import_file} : le fichier vérifié à l'étape précédente, puis « {ent_button_import} ».</source>
      <translation>“{ent_field_import_file}”: the file checked at the previous step, then “{ent_button_import}”.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Rapprochement des comptes des enseignants qui en ont besoin.</source>
      <translation>Matching of the teachers' accounts that need it.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Rapprochement des comptes des élèves qui en ont besoin.</source>
      <translation>Matching of the pupils' accounts that need it.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Rapprochement des comptes des parents qui en ont besoin.</source>
      <translation>Matching of the parents' accounts that need it.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Lecture du bilan d'import, « {ent_import_report} » (nombre de comptes importés).</source>
      <translation>Reading of the import report, “{ent_import_report}” (number of accounts imported).</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>leur compte ÉduConnect (le compte de l'Éducation nationale) ou, si l'établissement leur en a remis un, leur compte de l'ENT</source>
      <translation>their ÉduConnect account (the Éducation nationale account) or, if the school gave them one, their ENT account</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>leur compte académique (l'identifiant et le mot de passe de l'académie)</source>
      <translation>their “académie” account (the username and password of their “académie”)</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>En 2019, la partie 2 coupait l'accès à PRONOTE depuis l'ENT précédent, l'ENT-LR, que mon ENT Occitanie remplaçait. Aucun établissement ne quitte aujourd'hui un autre ENT pour celui-ci : l'assistant ne parle donc d'aucun ENT précédent.</source>
      <translation>In 2019, part 2 cut access to PRONOTE from the previous ENT, ENT-LR, which mon ENT Occitanie replaced. No school leaves another ENT for this one today: so the assistant speaks of no previous ENT.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>ÉduConnect a remplacé les comptes ATEN des élèves et des parents (2022–2023) ; des comptes propres à l'ENT restent, par exemple dans les lycées agricoles.</source>
      <translation>ÉduConnect replaced the ATEN accounts of pupils and parents (2022–2023); accounts of the ENT's own remain, for example in agricultural high schools.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Le tutoriel de 2019 nommait ce compte ARENA.</source>
      <translation>The 2019 tutorial called this account ARENA.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>« K-d'école » en 2019 ; l'ENT s'appelle aujourd'hui Skolengo, mais aucune source récente ne montre le libellé de cette liste dans PRONOTE.</source>
      <translation>“K-d'école” in 2019; the ENT is called Skolengo today, but no recent source shows this list's label in PRONOTE.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Le tutoriel ne fixe pas l'intitulé ; il parle du « lien Pronote » du menu Scolarité : l'assistant conseille ce nom, que sa notice donne aux familles.</source>
      <translation>The tutorial does not set the title; it speaks of the “lien Pronote” of the “Scolarité” menu: the assistant advises this name, which its notice gives families.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Confirmé sur un autre ENT Skolengo, pas sur mon ENT Occitanie lui-même.</source>
      <translation>Confirmed on another Skolengo ENT, not on mon ENT Occitanie itself.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Le même nombre qu'après l'import complet : le bilan d'un import partiel donne peut-être le total, pas le lot ; aucune source ne le dit.</source>
      <translation>The same number as after the full import: a partial import's report may give the total, not the batch; no source says.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Panneau de la page d'accueil du client PRONOTE connecté en Superviseur, sur la capture du tutoriel.</source>
      <translation>A panel of the PRONOTE client's home page when logged in as Supervisor, on the tutorial's screenshot.</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>La phrase de ce panneau, après le nombre (49 sur la capture du tutoriel).</source>
      <translation>That panel's sentence, after the number (49 on the tutorial's screenshot).</translation>
    </message>
    <message>
      <location filename="resources/ent/mon-ent-occitanie.json" line="0" />
      <source>Relevé dans l'aide d'une autre région (Atrium Sud), qui utilise la même console.</source>
      <translation>Seen in another region's help (Atrium Sud), which uses the same console.</translation>
    </message>
  </context>
</TS>
