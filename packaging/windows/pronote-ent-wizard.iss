; Windows installer of the Assistant PRONOTE – mon ENT Occitanie (Inno Setup 6.3 or later).
; Built by packaging/windows/build_installer.py after packaging/build_bundle.sh, which passes the version read from
; pyproject.toml:  ISCC /DAppVersion=0.1.0 /DAppFileVersion=0.1.0.0 /DBundleDir=…\dist\pronote-ent-wizard /O…\dist
; A per-user install (no administrator rights: school PCs rarely give them), under %LOCALAPPDATA%\Programs. The
; uninstaller keeps the admin's data (%LOCALAPPDATA%\pronote-ent-wizard, platformdirs' user data dir, with the
; log in its Logs folder) unless the admin answers « Oui » to its question.
; Saved as UTF-8 with a byte order mark: Inno Setup then reads the accents and « – » right.

#ifndef AppVersion
  #error Version missing: ISCC /DAppVersion=x.y.z (packaging/windows/build_installer.py passes pyproject's)
#endif
#ifndef AppFileVersion
  #error Version missing: ISCC /DAppFileVersion=x.y.z.0 (four numbers, for the version resource)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\pronote-ent-wizard"
#endif
; {autopf} is %LOCALAPPDATA%\Programs in a per-user install: never the data folder, which the uninstaller keeps.
; Wine 8.0 cannot expand {autopf} for a per-user install: scripts/test-windows.sh passes what it means there,
; /DDefaultDir={localappdata}\Programs\Assistant PRONOTE ENT.
#ifndef DefaultDir
  #define DefaultDir "{autopf}\Assistant PRONOTE ENT"
#endif

#define AppName "Assistant PRONOTE – mon ENT Occitanie"
#define AppExe "pronote-ent-wizard.exe"
; platformdirs.user_data_dir("pronote-ent-wizard", appauthor=False) on Windows is %LOCALAPPDATA%\<this>.
#define DataDirName "pronote-ent-wizard"

[Setup]
; Never change AppId: Windows recognises upgrades and the uninstaller by it.
AppId={{15E8A514-68CD-4558-9B76-651C76765079}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
VersionInfoVersion={#AppFileVersion}
VersionInfoProductName=Assistant d'interconnexion PRONOTE – mon ENT Occitanie
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription=Installation de l'{#AppName}
PrivilegesRequired=lowest
DefaultDirName={#DefaultDir}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile=..\icons\pronote-ent-wizard.ico
OutputDir=..\..\dist
OutputBaseFilename=pronote-ent-wizard-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ShowLanguageDialog=auto

[Languages]
; French first: it is the installer's language wherever Windows is not in English.
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
french.DeleteDataQuestion=Supprimer aussi les données de l'assistant enregistrées sur ce poste (progression des établissements, journal) ?%n%nElles sont dans %1.%n%nRépondez « Non » pour les garder, par exemple avant d'installer une nouvelle version.
english.DeleteDataQuestion=Also delete the assistant's data saved on this computer (the schools' progress, the log)?%n%nThey are in %1.%n%nAnswer "No" to keep them, for instance before installing a newer version.
french.AppComment=Guide l'interconnexion de PRONOTE avec mon ENT Occitanie
english.AppComment=Guides the connection of PRONOTE to mon ENT Occitanie

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's libraries whole: no DLL of an older version may stay beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\icons\pronote-ent-wizard.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\pronote-ent-wizard.ico"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\pronote-ent-wizard.ico"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

[Code]
// The data folder of platformdirs.user_data_dir(appauthor=False) for this user; the log is in its Logs folder.
function UserDataDir(): String;
begin
  Result := ExpandConstant('{localappdata}') + '\{#DataDirName}';
end;

// After the program's files are gone: the admin's data stays unless they ask, and a silent uninstall (a school's
// IT deploying a new version) always keeps it.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := UserDataDir();
    if DirExists(DataDir) and (not UninstallSilent) then
      if MsgBox(FmtMessage(CustomMessage('DeleteDataQuestion'), [DataDir]), mbConfirmation,
                MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
