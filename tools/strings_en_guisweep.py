"""English for the guisweep branch's texts: the file exported again after its check (file, import and matching
pages). For whoever updates the translations: .venv/bin/python tools/update_translations.py, then
.venv/bin/python tools/apply_translations.py tools/strings_en_guisweep.py"""
EN = {
    "« {name} » a changé depuis sa vérification (exporté de nouveau ?) : l'assistant le vérifie à nouveau.":
        "“{name}” has changed since it was checked (exported again?): the assistant checks it again.",
    "« {name} » a changé depuis sa vérification (exporté de nouveau ?) : revenez à l'étape précédente pour le "
    "vérifier à nouveau avant de l'importer dans l'ENT.":
        "“{name}” has changed since it was checked (exported again?): go back to the previous step to check it "
        "again before importing it into the ENT.",
    "« {name} » a changé depuis sa vérification (exporté de nouveau ?) : revenez à l'étape « {step} » pour le "
    "vérifier à nouveau avant de rapprocher les comptes.":
        "“{name}” has changed since it was checked (exported again?): go back to the step “{step}” to check it "
        "again before matching the accounts.",
}
