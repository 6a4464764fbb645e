; Inno Setup 6 script: the Windows installer of Commune Desk (Vietnamese wizard, English on request).
;
; Build it with installer\build-windows.ps1, which first makes the PyInstaller bundle
; (installer\dist\commune-desk\) and then runs:
;     ISCC.exe /DAppVersion=0.1.0 installer\commune-desk.iss
; Result: installer\dist\CommuneDesk-<version>-setup.exe
;
; WHERE THE USER'S DATA LIVES — never under {app}:
;   The database, its backups (backups\, backups\auto\) and the logs (logs\) are in each Windows user's
;   data folder, %LOCALAPPDATA%\CommuneDesk\ (storage/db.py: default_db_path() =
;   platformdirs.user_data_path("CommuneDesk", appauthor=False) / "commune-desk.sqlite"); the interface
;   preferences are in %APPDATA%\CommuneDesk\CommuneDesk.ini (gui/settings.py, QSettings). {app} is under
;   Program Files and read-only for the clerk: the program never writes there.
;   So the uninstaller, which removes only what this script installed, leaves the data alone, and there is
;   deliberately no [UninstallDelete] entry for those folders. Removing a commune's records is a decision
;   for a person, not for an uninstaller.
;
; UPGRADES keep the data: the AppId below is fixed forever, so a newer setup replaces the program in the same
; folder. On the first start, the new version copies an older database to
; backups\commune-desk.before-upgrade-<date>.sqlite and then migrates it (storage/db.py: open_database;
; tests/test_db.py::test_revision_0001_file_is_backed_up_then_upgraded_with_data_intact). A database made by a
; newer version is refused, never downgraded (tests/test_db.py::test_file_from_a_newer_version_is_refused).
;
; This file is UTF-8 with a byte-order mark (Inno Setup 6.3+ reads UTF-8 without one; older 6.x need it).

#ifndef AppVersion
  #error Pass the version: ISCC.exe /DAppVersion=0.1.0 installer\commune-desk.iss (build-windows.ps1 does)
#endif
#define AppName "Commune Desk"
#define AppExe "CommuneDesk.exe"
#define Bundle "dist\commune-desk"

; Vietnamese wizard texts. Recent Inno Setup 6 releases install Vietnamese.isl in their Languages folder;
; older 6.x releases only have it in Inno Setup's source repository (Files/Languages/Unofficial), which the
; Inno Setup installer does not install: then copy Vietnamese.isl to "<Inno Setup>\Languages\Unofficial\"
; or beside this script (installer\Vietnamese.isl). Default.isl is loaded first, so a message that an older
; translation lacks shows in English instead of stopping the compiler.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
  #define VietnameseIsl "compiler:Default.isl,compiler:Languages\Vietnamese.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Vietnamese.isl")
  #define VietnameseIsl "compiler:Default.isl,compiler:Languages\Unofficial\Vietnamese.isl"
#elif FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
  #define VietnameseIsl "compiler:Default.isl,Vietnamese.isl"
#else
  #error Vietnamese.isl not found: see installer\README.md ("Windows installer") for where to put it.
#endif

[Setup]
; Never change this GUID: it is how Windows and the next version's setup recognise Commune Desk.
AppId={{DC9DA8C5-6494-44DF-A03E-633E6A79DE7E}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Commune Desk
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Per-machine install into Program Files (64-bit: Qt 6 and PySide6 exist only for x64 on Windows).
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 (1809) or newer.
MinVersion=10.0.17763
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; Close a running Commune Desk (Restart Manager) before replacing its files.
CloseApplications=yes
RestartApplications=no
SetupIconFile=commune-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=dist
OutputBaseFilename=CommuneDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Vietnamese unless the setup is started with /LANG=en.
ShowLanguageDialog=no
LanguageDetectionMethod=none

[Languages]
Name: "vi"; MessagesFile: "{#VietnameseIsl}"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Messages]
; Only %1 and %n here: Inno treats "%" as the start of a placeholder (hence AppData\Local, not the variable).
vi.ConfirmUninstall=Gỡ %1 khỏi máy tính này?%n%nDữ liệu KHÔNG bị xóa: cơ sở dữ liệu, bản sao lưu và nhật ký trong thư mục AppData\Local\CommuneDesk của từng người dùng Windows vẫn được giữ nguyên. Cài lại (hoặc cài bản mới hơn) sẽ mở lại đúng dữ liệu đó.
en.ConfirmUninstall=Remove %1 from this computer?%n%nNo data is deleted: the database, its backups and logs in each Windows user's AppData\Local\CommuneDesk folder stay as they are. Installing again (or a newer version) opens that same data.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade starts from a clean program folder, so no module of an older version lingers beside the new one.
; Only program files live there (see the top of this file); the user's data is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The whole PyInstaller folder: CommuneDesk.exe (windowed), commune-desk-cli.exe (console) and _internal\.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
