; Setup.exe for 居住支援デスク: a per-user install without administrator rights.
;
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DPAYLOAD=dist\kyojushien -DOUTFILE=Setup.exe installer\kyojushien.nsi
;
; VERSION comes from pyproject.toml (installer/build_installer.sh passes it); PAYLOAD is the
; PyInstaller onedir folder (kyojushien.exe, kyojushien-cli.exe, _internal\).
; The data (%LOCALAPPDATA%\kyojushien, or kyojushien-data beside the program in portable mode) is
; never removed by the uninstaller: it deletes only the files this installer put there.

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "VERSION is not set: pass -DVERSION=x.y.z (installer/build_installer.sh reads pyproject.toml)"
!endif
!ifndef PAYLOAD
  !error "PAYLOAD is not set: pass -DPAYLOAD=<the onedir folder>"
!endif
!ifndef OUTFILE
  !define OUTFILE "Setup.exe"
!endif

!define APP_NAME "居住支援デスク"
!define APP_EXE "kyojushien.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\kyojushien"
!define FILE_CLASS "kyojushien.handover"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel user
SetCompressor /SOLID lzma
ShowInstDetails hide
ShowUninstDetails hide
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1041 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1041 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1041 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1041 "FileDescription" "${APP_NAME} セットアップ"
VIAddVersionKey /LANG=1041 "LegalCopyright" "${APP_NAME}"

!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "${APP_NAME} ${VERSION} のセットアップ"
!define MUI_WELCOMEPAGE_TEXT "${APP_NAME}をこのPCのあなたのユーザーに入れます。管理者の権限は要りません。$\r$\n$\r$\nインターネットには接続しません。データはこのPCの中（あなたのユーザーのフォルダ）に保存されます。$\r$\n$\r$\n「次へ」を押して進めてください。"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "${APP_NAME}を起動する"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APP_NAME}のプログラムを削除します。$\r$\nデータファイル・バックアップ・設定は削除しません（%LOCALAPPDATA%\kyojushien、ポータブル利用ではプログラムの横の kyojushien-data フォルダ）。不要になったデータは、引継ぎが済んだことを確かめてから、ご自分で削除してください。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Japanese"

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An update replaces the program files only; _internal is emptied first so no stale library stays.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  ; The hand-over file (.kyoju) opens in the app, for this user only (HKCU, no admin rights).
  WriteRegStr HKCU "Software\Classes\.kyoju" "" "${FILE_CLASS}"
  WriteRegStr HKCU "Software\Classes\${FILE_CLASS}" "" "${APP_NAME} 引継ぎファイル"
  WriteRegStr HKCU "Software\Classes\${FILE_CLASS}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "Software\Classes\${FILE_CLASS}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; 設定 > アプリ lists it, with its uninstaller.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  ; Only what the installer put here: a kyojushien-data folder (portable use) or anything else
  ; the user keeps in this folder stays, and the folder with it.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\kyojushien.exe"
  Delete "$INSTDIR\kyojushien-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ReadRegStr $0 HKCU "Software\Classes\.kyoju" ""
  StrCmp $0 "${FILE_CLASS}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.kyoju"
  DeleteRegKey HKCU "Software\Classes\${FILE_CLASS}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
