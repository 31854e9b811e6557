/**
 * One sentence per domain error code of the API (problem+json `code`), shown instead of the server's English
 * `detail`; the detail itself stays visible beneath as a secondary line (see app/forms/error-text.ts).
 * Merged into `common:errors.codes`. Codes with a sentence of their own elsewhere are listed, with the reason,
 * in app/forms/error-text.test.ts.
 */
export const en = {
  bad_request: 'The server could not process this request.',
  unauthenticated: 'You are no longer signed in. Sign in again to continue.',
  forbidden: 'You are not allowed to do this.',
  csrf_failed: 'Your session could not be verified. Reload the page and try again.',
  conflict: 'This cannot be done as things currently stand.',
  invalid_transition: 'This step is not possible from the current status.',
  builtin_read_only: 'Content shipped with Rampart is read-only. Make a copy in your organisation to change it.',
  matrix_in_use:
    'This risk matrix is used by risk assessments. It cannot be deleted or changed in place: save your changes as a new revision instead.',
  matrix_change_needs_rerating:
    'Scenarios of this risk assessment are already rated on its matrix. Change the matrix with “Re-rate on another matrix”.',
  risk_assessment_locked:
    'A done or deprecated risk assessment is involved: its record cannot change until it is moved back to in progress.',
  gone: 'This link is no longer valid (used, expired or withdrawn). Ask for a new one.',
  precondition_required: 'The change could not be checked against the latest version. Reload and try again.',
  payload_too_large: 'The file is too large to upload.',
  unsupported_media_type: 'This type of file or request is not supported here.',
  rate_limited: 'Too many attempts. Wait a moment and try again.',
};

export const fr: typeof en = {
  bad_request: 'Le serveur n’a pas pu traiter cette demande.',
  unauthenticated: 'Vous n’êtes plus connecté. Reconnectez-vous pour continuer.',
  forbidden: 'Vous n’êtes pas autorisé à effectuer cette action.',
  csrf_failed: 'Votre session n’a pas pu être vérifiée. Rechargez la page et réessayez.',
  conflict: 'Cette action est impossible en l’état actuel.',
  invalid_transition: 'Cette étape n’est pas possible depuis le statut actuel.',
  builtin_read_only:
    'Le contenu fourni avec Rampart est en lecture seule. Faites-en une copie dans votre organisation pour le modifier.',
  matrix_in_use:
    'Cette matrice de risque est utilisée par des appréciations des risques. Elle ne peut être ni supprimée ni modifiée sur place : enregistrez plutôt vos changements comme nouvelle révision.',
  matrix_change_needs_rerating:
    'Des scénarios de cette appréciation sont déjà évalués sur sa matrice. Changez de matrice avec « Réévaluer sur une autre matrice ».',
  risk_assessment_locked:
    'Une appréciation des risques terminée ou obsolète est concernée : elle ne peut pas changer tant qu’elle n’est pas remise en cours.',
  gone: 'Ce lien n’est plus valable (déjà utilisé, expiré ou retiré). Demandez-en un nouveau.',
  precondition_required:
    'La modification n’a pas pu être vérifiée par rapport à la dernière version. Rechargez et réessayez.',
  payload_too_large: 'Le fichier est trop volumineux pour être envoyé.',
  unsupported_media_type: 'Ce type de fichier ou de requête n’est pas pris en charge ici.',
  rate_limited: 'Trop de tentatives. Patientez un instant, puis réessayez.',
};

export const de: typeof en = {
  bad_request: 'Der Server konnte diese Anfrage nicht verarbeiten.',
  unauthenticated: 'Sie sind nicht mehr angemeldet. Melden Sie sich erneut an, um fortzufahren.',
  forbidden: 'Sie dürfen diese Aktion nicht ausführen.',
  csrf_failed: 'Ihre Sitzung konnte nicht überprüft werden. Laden Sie die Seite neu und versuchen Sie es erneut.',
  conflict: 'Das ist beim derzeitigen Stand nicht möglich.',
  invalid_transition: 'Dieser Schritt ist vom aktuellen Status aus nicht möglich.',
  builtin_read_only:
    'Mit Rampart ausgelieferte Inhalte sind schreibgeschützt. Legen Sie eine Kopie in Ihrer Organisation an, um sie zu ändern.',
  matrix_in_use:
    'Diese Risikomatrix wird von Risikobeurteilungen genutzt. Sie kann weder gelöscht noch direkt geändert werden: Speichern Sie Ihre Änderungen stattdessen als neue Revision.',
  matrix_change_needs_rerating:
    'Szenarien dieser Risikobeurteilung sind bereits auf ihrer Matrix bewertet. Wechseln Sie die Matrix mit „Auf anderer Matrix neu bewerten“.',
  risk_assessment_locked:
    'Eine abgeschlossene oder veraltete Risikobeurteilung ist betroffen: Sie kann sich erst ändern, wenn sie wieder in Bearbeitung ist.',
  gone: 'Dieser Link ist nicht mehr gültig (bereits verwendet, abgelaufen oder zurückgezogen). Fordern Sie einen neuen an.',
  precondition_required:
    'Die Änderung konnte nicht mit dem neuesten Stand abgeglichen werden. Laden Sie neu und versuchen Sie es erneut.',
  payload_too_large: 'Die Datei ist zu groß zum Hochladen.',
  unsupported_media_type: 'Diese Art von Datei oder Anfrage wird hier nicht unterstützt.',
  rate_limited: 'Zu viele Versuche. Warten Sie einen Moment und versuchen Sie es erneut.',
};

export const nl: typeof en = {
  bad_request: 'De server kon dit verzoek niet verwerken.',
  unauthenticated: 'U bent niet meer aangemeld. Meld u opnieuw aan om verder te gaan.',
  forbidden: 'U mag deze actie niet uitvoeren.',
  csrf_failed: 'Uw sessie kon niet worden gecontroleerd. Laad de pagina opnieuw en probeer het nogmaals.',
  conflict: 'Dit kan in de huidige situatie niet.',
  invalid_transition: 'Deze stap is vanuit de huidige status niet mogelijk.',
  builtin_read_only:
    'Inhoud die met Rampart wordt meegeleverd, is alleen-lezen. Maak een kopie in uw organisatie om die te wijzigen.',
  matrix_in_use:
    'Deze risicomatrix wordt door risicobeoordelingen gebruikt. Ze kan niet worden verwijderd of ter plaatse gewijzigd: sla uw wijzigingen in plaats daarvan op als nieuwe revisie.',
  matrix_change_needs_rerating:
    'Scenario’s van deze risicobeoordeling zijn al beoordeeld op de matrix ervan. Wissel van matrix met “Herbeoordelen op een andere matrix”.',
  risk_assessment_locked:
    'Een afgeronde of verouderde risicobeoordeling is betrokken: die kan pas wijzigen als ze weer in uitvoering is.',
  gone: 'Deze link is niet meer geldig (al gebruikt, verlopen of ingetrokken). Vraag een nieuwe aan.',
  precondition_required:
    'De wijziging kon niet met de nieuwste versie worden vergeleken. Laad opnieuw en probeer het nogmaals.',
  payload_too_large: 'Het bestand is te groot om te uploaden.',
  unsupported_media_type: 'Dit type bestand of verzoek wordt hier niet ondersteund.',
  rate_limited: 'Te veel pogingen. Wacht even en probeer het opnieuw.',
};
