//! What comes from elsewhere: another tab's writes, data cleared in
//! another tab, and encrypted exports and backups opened or made.

use super::*;

impl<S: Store + 'static, C: Cipher + 'static> Vault<S, C> {
    /// Another tab wrote `key` (`None`: cleared everything): brings its value
    /// into memory, decrypted, then runs `then`. A changed `kinplan.vault` (a
    /// new passphrase, the lock turned on, or all data cleared) locks this
    /// tab, since its key no longer fits; the caller sees the new
    /// [`Vault::status`] and starts again.
    pub fn after_other_tab(
        &self,
        key: Option<String>,
        value: Option<String>,
        then: impl FnOnce() + 'static,
    ) {
        if self.status() == Status::Plain && self.0.store.get(VAULT_KEY).is_some() {
            self.set_state(State::Locked);
        }
        let Some(crypto_key) = self.with_open(|open| open.key.clone()) else {
            return then();
        };
        if key
            .as_deref()
            .is_some_and(|k| k != VAULT_KEY && !is_sealed_key(k))
        {
            // Stored in the clear: read from storage as it is.
            return then();
        }
        let Some(key) = key.filter(|k| k != VAULT_KEY) else {
            // Only the idle time may change under an open vault.
            match self.record() {
                Some(stored)
                    if self.with_open(|open| same_key(Some(&stored), &open.vault))
                        == Some(true) =>
                {
                    self.with_open(|open| open.vault = stored);
                }
                _ => self.set_state(State::Locked),
            }
            return then();
        };
        let this = self.clone();
        let task = async move {
            this.take_stored(&crypto_key, &key, value, false).await;
            then();
        };
        (self.0.spawn)(None, Box::pin(task));
    }

    /// Called after every `kinplan.` key has been removed.
    pub fn cleared(&self) {
        self.set_state(State::Plain);
    }

    /// An encrypted export of `json` under this device's key, in the format of
    /// [`EncryptedExport`].
    pub async fn seal_export(&self, json: &str) -> Result<String, String> {
        let (key, kdf) = self
            .with_open(|open| (open.key.clone(), open.vault.kdf.clone()))
            .ok_or("Kinplan is locked")?;
        let sealed = self
            .0
            .cipher
            .seal(&key, json.as_bytes(), &[])
            .await
            .map_err(|e| e.0)?;
        Ok(EncryptedExport::new(kdf, sealed).to_json())
    }

    /// The plain export inside `file`. Without a passphrase, only this
    /// device's key is tried (it fits files exported here since the passphrase
    /// was last set).
    pub async fn open_export(
        &self,
        file: &EncryptedExport,
        passphrase: Option<&str>,
    ) -> Result<Vec<u8>, UnlockError> {
        let cipher = &self.0.cipher;
        let key = match passphrase {
            Some(passphrase) => cipher
                .derive(passphrase, &file.kdf, false)
                .await
                .map_err(|e| UnlockError::Unavailable(e.0))?,
            None => self
                .with_open(|open| (open.vault.kdf == file.kdf).then(|| open.key.clone()))
                .flatten()
                .ok_or(UnlockError::WrongPassphrase)?,
        };
        cipher
            .open(&key, &file.sealed(), &[])
            .await
            .map_err(|_| UnlockError::WrongPassphrase)
    }

    /// A device backup (the crash page's file) with every sealed case record
    /// opened: with this device's key when the backup's lock record is this
    /// device's, otherwise with a key made from `passphrase`. Records that do
    /// not open stay sealed, and the import names them.
    pub async fn open_backup(
        &self,
        backup: &DeviceBackup,
        passphrase: Option<&str>,
    ) -> Result<DeviceBackup, UnlockError> {
        let vault = backup
            .records
            .get(VAULT_KEY)
            .and_then(|raw| VaultRecord::from_json(raw).ok())
            .ok_or(UnlockError::Unavailable(
                "its cases are encrypted, but the backup's lock record is missing or damaged"
                    .into(),
            ))?;
        let key = match passphrase {
            Some(passphrase) => {
                let key = self
                    .0
                    .cipher
                    .derive(passphrase, &vault.kdf, false)
                    .await
                    .map_err(|e| UnlockError::Unavailable(e.0))?;
                if !self.opens_check(&key, &vault).await {
                    return Err(UnlockError::WrongPassphrase);
                }
                key
            }
            None => self
                .with_open(|open| same_key(Some(&vault), &open.vault).then(|| open.key.clone()))
                .flatten()
                .ok_or(UnlockError::WrongPassphrase)?,
        };
        let mut opened = backup.clone();
        for (name, raw) in backup.case_records() {
            if let Some(plain) = self.open_record(&key, name, raw).await {
                opened.records.insert(name.clone(), plain);
            }
        }
        Ok(opened)
    }

    /// A stored record, decrypted; as stored if it is not encrypted; `None` if
    /// it does not decrypt under `key`.
    pub(super) async fn open_record(&self, key: &C::Key, name: &str, raw: &str) -> Option<String> {
        finish_open(self.start_open(key, name, raw), raw).await
    }

    /// Starts decrypting a stored record: `None` if it is not encrypted.
    pub(super) fn start_open(&self, key: &C::Key, name: &str, raw: &str) -> Option<Opening> {
        let sealed = SealedRecord::read(name, raw)?;
        let decrypting = self.0.cipher.open(
            key,
            &Sealed {
                iv: crate::domain::persist::vault::Bytes(sealed.iv.clone()),
                ciphertext: crate::domain::persist::vault::Bytes(sealed.ciphertext.clone()),
            },
            &sealed.additional_data,
        );
        Some((sealed, Box::pin(decrypting)))
    }
}
