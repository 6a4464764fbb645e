# Builds the Windows installer of Commune Desk: virtual environment, PyInstaller bundle, Inno Setup.
#
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1 -Python "C:\Python311\python.exe" -SkipInstaller
#
# Needs: Python 3.11 x64 (python.org or "py -3.11"), Inno Setup 6 (https://jrsoftware.org/isdl.php; or
# "winget install JRSoftware.InnoSetup"). Internet only for pip on the first run.
# Output: installer\dist\commune-desk\ (the bundle) and installer\dist\CommuneDesk-<version>-setup.exe.
# This file is plain ASCII on purpose: Windows PowerShell 5.1 reads a script without BOM in the ANSI code page.
[CmdletBinding()]
param(
    # Interpreter used to create .venv (default: the "py -3.11" launcher, else python on PATH).
    [string]$Python = "",
    # Path to ISCC.exe when Inno Setup is not in one of the usual folders.
    [string]$Iscc = "",
    # Stop after the PyInstaller bundle (no Inno Setup needed).
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Checked([string]$What, [scriptblock]$Command) {
    Write-Host "[commune-desk] $What"
    $global:LASTEXITCODE = 0
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

# 1. Virtual environment with the project and PyInstaller (pyproject.toml: the "installer" extra).
$VenvPython = Join-Path $Root ".venv\Scripts\python.exe"
if (-not (Test-Path $VenvPython)) {
    if ($Python) {
        Invoke-Checked "Creating .venv with $Python" { & $Python -m venv .venv }
    } elseif (Get-Command py -ErrorAction SilentlyContinue) {
        Invoke-Checked "Creating .venv with py -3.11" { & py -3.11 -m venv .venv }
    } else {
        Invoke-Checked "Creating .venv with python" { & python -m venv .venv }
    }
}
Invoke-Checked "Installing Commune Desk and PyInstaller into .venv" {
    & $VenvPython -m pip install --quiet --disable-pip-version-check -e ".[installer]"
}

# 2. The one-folder bundle: CommuneDesk.exe (windowed) + commune-desk-cli.exe (console) + _internal\.
$Started = Get-Date
Invoke-Checked "Building the PyInstaller bundle" {
    & $VenvPython -m PyInstaller --noconfirm --log-level WARN `
        --distpath installer\dist --workpath installer\build-tmp installer\commune-desk.spec
}
$Bundle = Join-Path $Root "installer\dist\commune-desk"
$SizeMB = [math]::Round(((Get-ChildItem $Bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB))
Write-Host ("[commune-desk] Bundle built in {0:N0} s, {1} MB: {2}" -f ((Get-Date) - $Started).TotalSeconds, $SizeMB, $Bundle)

# A quick check that the frozen program starts (no window: --version only prints).
Invoke-Checked "Checking the bundle (commune-desk-cli.exe --version)" { & "$Bundle\commune-desk-cli.exe" --version }

if ($SkipInstaller) { exit 0 }

# 3. Inno Setup.
if (-not $Iscc) {
    $Candidates = @(
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
    )
    $Iscc = $Candidates | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
    if (-not $Iscc) {
        $OnPath = Get-Command ISCC.exe -ErrorAction SilentlyContinue
        if ($OnPath) { $Iscc = $OnPath.Source }
    }
    if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found: install it or pass -Iscc <path to ISCC.exe>." }
}
$Version = (& $VenvPython -c "from storage.version import APP_VERSION; print(APP_VERSION)").Trim()
if ($LASTEXITCODE -ne 0) { throw "could not read the version from storage\version.py" }
Invoke-Checked "Compiling the installer with $Iscc (version $Version)" {
    & $Iscc "/DAppVersion=$Version" installer\commune-desk.iss
}
Write-Host "[commune-desk] Installer: $(Join-Path $Root "installer\dist\CommuneDesk-$Version-setup.exe")"
