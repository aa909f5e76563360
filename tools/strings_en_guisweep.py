"""English for the guisweep branch's texts: the file exported again after its check. For whoever updates the
translations: .venv/bin/python tools/update_translations.py, then
.venv/bin/python tools/apply_translations.py tools/strings_en_guisweep.py"""
EN = {
    "« {name} » a changé depuis sa vérification (exporté de nouveau ?) : l'assistant le vérifie à nouveau.":
        "“{name}” has changed since it was checked (exported again?): the assistant checks it again.",
    "« {name} » a changé depuis sa vérification (exporté de nouveau ?) : revenez à l'étape précédente pour le "
    "vérifier à nouveau avant de l'importer dans l'ENT.":
        "“{name}” has changed since it was checked (exported again?): go back to the previous step to check it "
        "again before importing it into the ENT.",
}
