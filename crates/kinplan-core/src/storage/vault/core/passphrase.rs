//! The passphrase: unlocking, locking, turning the lock on, changing the
//! passphrase or the idle minutes, and the all-or-nothing rewrites that
//! seal every record under a new key.

use super::*;

impl<S: Store + 'static, C: Cipher + 'static> Vault<S, C> {
    /// Derives the key, checks it against the vault record, then decrypts
    /// every record into memory. Only reads storage, except to seal a record
    /// found unencrypted (written by a tab that had not yet seen the lock),
    /// and to finish a passphrase change that was cut off.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), UnlockError> {
        let vault = self.record().ok_or(UnlockError::Unavailable(
            "the lock record is missing or damaged".into(),
        ))?;
        let cipher = &self.0.cipher;
        let key = cipher
            .derive(passphrase, &vault.kdf, false)
            .await
            .map_err(|e| UnlockError::Unavailable(e.0))?;
        if !self.opens_check(&key, &vault).await {
            return Err(UnlockError::WrongPassphrase);
        }
        // Only while a passphrase change is unfinished. Should it not open,
        // the change stays unfinished: records under the old key show as
        // damaged, and the old key is kept.
        let previous_key = match vault.previous_key() {
            Some(sealed) => cipher.open_key(&key, sealed, PREVIOUS_KEY_DATA).await.ok(),
            None => None,
        };
        let before = self.stored_records();
        // Every decryption is started before the first is waited for, so they
        // run side by side.
        let started: Vec<_> = before
            .iter()
            .map(|(name, raw)| self.start_open(&key, name, raw))
            .collect();
        let mut open = Open::new(key, vault);
        let mut unsealed = Vec::new();
        let mut under_previous_key = Vec::new();
        let mut unreadable = 0;
        for ((name, raw), started) in before.iter().zip(started) {
            if started.is_none() {
                unsealed.push(name.clone());
            }
            let mut plain = finish_open(started, raw).await;
            if let (None, Some(previous_key)) = (&plain, &previous_key) {
                plain = self.open_record(previous_key, name, raw).await;
                if plain.is_some() {
                    under_previous_key.push(name.clone());
                }
            }
            // One that does not decrypt opens as damaged, with its text.
            unreadable += usize::from(plain.is_none());
            open.plain
                .insert(name.clone(), plain.unwrap_or_else(|| raw.clone()));
            open.stored.insert(name.clone(), raw.clone());
        }
        // The old key goes only once every record has opened under one key or
        // the other.
        let resealed = match previous_key {
            Some(_) if unreadable == 0 => self
                .seal_all(
                    &open.key,
                    under_previous_key
                        .iter()
                        .map(|name| (name, &open.plain[name])),
                )
                .await
                .ok(),
            _ => None,
        };
        // Cleared, or unlocked in this tab, while the records were decrypted.
        if self.status() != Status::Locked || !self.key_fits(&open) {
            return Err(UnlockError::Unavailable(
                "Kinplan's data changed while it was being opened; try again".into(),
            ));
        }
        if let Some(resealed) = resealed {
            self.finish_change(&mut open, &resealed, &before);
        }
        self.set_state(State::Open(Box::new(open)));
        for key in unsealed {
            if let Some(value) = self.get(&key) {
                // Its write, behind, reports a failure like any other.
                self.set(&key, &value)
                    .unwrap_or_else(|error| self.report(&key, error));
            }
        }
        Ok(())
    }

    /// Drops the key and the decrypted copy. A write still being encrypted
    /// then fails and is reported, so the browser waits for them first.
    pub fn lock(&self) {
        if self.status() == Status::Open {
            self.set_state(State::Locked);
        }
    }

    /// Sets a passphrase on a device that has none: every record is encrypted
    /// and written in one pass, all or nothing, with the vault record first.
    pub async fn turn_on(&self, passphrase: &str, idle_minutes: u32) -> Result<(), SaveError> {
        let before = self.stored_records();
        if self.status() != Status::Plain
            || self.0.store.get(VAULT_KEY).is_some()
            || before.values().any(|v| is_sealed(v))
        {
            return Err(SaveError::Unavailable(
                "a passphrase has already been set on this device, perhaps in another tab".into(),
            ));
        }
        let (key, vault) = self.new_key(passphrase, idle_minutes).await?;
        let mut open = Open::new(key, vault);
        open.plain = before.clone();
        let open = self.rewrite_all(open, &before, None).await?;
        self.set_state(State::Open(Box::new(open)));
        Ok(())
    }

    /// Re-encrypts everything under a key from `new`, all or nothing. The
    /// writes behind earlier saves must have finished.
    pub async fn change_passphrase(&self, current: &str, new: &str) -> Result<(), ChangeError> {
        let vault = self.record().ok_or(ChangeError::NotSaved(locked()))?;
        if vault.previous_key().is_some() {
            return Err(ChangeError::Unfinished);
        }
        let cipher = &self.0.cipher;
        let not_saved = |e: CipherError| ChangeError::NotSaved(unavailable(e));
        // Extractable, to be sealed into the new lock record until the change is done.
        let current_key = cipher
            .derive(current, &vault.kdf, true)
            .await
            .map_err(not_saved)?;
        if !self.opens_check(&current_key, &vault).await {
            return Err(ChangeError::WrongPassphrase);
        }
        let (plain, stored, old_key, changes) = self
            .with_open(|open| {
                (
                    open.plain.clone(),
                    open.stored.clone(),
                    open.key.clone(),
                    open.changes,
                )
            })
            .ok_or(ChangeError::NotSaved(locked()))?;
        let (key, new_vault) = self
            .new_key(new, vault.idle_minutes)
            .await
            .map_err(ChangeError::NotSaved)?;
        let sealed_key = cipher
            .seal_key(&key, &current_key, PREVIOUS_KEY_DATA)
            .await
            .map_err(not_saved)?;
        drop(current_key);
        let mut open = Open::new(key, new_vault.with_previous_key(sealed_key));
        open.plain = plain;
        let mut open = self
            .rewrite_all(open, &stored, Some((&old_key, changes)))
            .await
            .map_err(ChangeError::NotSaved)?;
        self.forget_previous_key(&mut open);
        self.set_state(State::Open(Box::new(open)));
        Ok(())
    }

    /// Changes the idle time, which is kept in the vault record.
    pub fn set_idle_minutes(&self, minutes: u32) -> Result<(), SaveError> {
        let mut vault = self
            .with_open(|open| open.vault.clone())
            .ok_or_else(locked)?;
        vault.idle_minutes = minutes;
        // No borrow is held here: a failed write looks at storage's use.
        self.0.store.set(VAULT_KEY, &vault.to_json())?;
        self.with_open(|open| open.vault = vault);
        Ok(())
    }

    /// Finishes a passphrase change that was cut off: `resealed` holds the
    /// records that were still under the old key, now sealed under the new one.
    /// They are written in one pass, then the old key is dropped. If storage
    /// changed meanwhile or a write fails, the old key stays in the lock record
    /// and the next unlock tries again.
    fn finish_change(
        &self,
        open: &mut Open<C::Key>,
        resealed: &[(String, String)],
        before: &HashMap<String, String>,
    ) {
        if self.stored_records() != *before || self.write_pass(resealed, None, before).is_err() {
            return;
        }
        open.stored.extend(resealed.iter().cloned());
        self.forget_previous_key(open);
    }

    /// Drops the old key from the lock record, once every record is under the
    /// new one. Should the write fail, the old key stays sealed in the record
    /// until the next unlock drops it.
    fn forget_previous_key(&self, open: &mut Open<C::Key>) {
        let finished = open.vault.clone().without_previous_key();
        if self.0.store.set(VAULT_KEY, &finished.to_json()).is_ok() {
            open.vault = finished;
        }
    }

    /// Whether `key` is the one `vault` was made with: it opens the check text.
    pub(super) async fn opens_check(&self, key: &C::Key, vault: &VaultRecord) -> bool {
        self.0
            .cipher
            .open(key, &vault.check, &[])
            .await
            .is_ok_and(|text| text == CHECK_TEXT.as_bytes())
    }

    async fn new_key(
        &self,
        passphrase: &str,
        idle_minutes: u32,
    ) -> Result<(C::Key, VaultRecord), SaveError> {
        let cipher = &self.0.cipher;
        let kdf = Kdf::new(cipher.salt());
        let key = cipher
            .derive(passphrase, &kdf, false)
            .await
            .map_err(unavailable)?;
        let check = cipher
            .seal(&key, CHECK_TEXT.as_bytes(), &[])
            .await
            .map_err(unavailable)?;
        Ok((key, VaultRecord::new(kdf, check, idle_minutes)))
    }

    /// Encrypts every record of `open.plain` under its key, then, if storage
    /// still holds exactly `before` (and, when changing the passphrase, the
    /// open vault is still the one with `old` key and change count), writes
    /// the vault record and every record in one synchronous pass. If any write
    /// fails, every key is put back as `before` had it.
    async fn rewrite_all(
        &self,
        mut open: Open<C::Key>,
        before: &HashMap<String, String>,
        old: Option<(&C::Key, u64)>,
    ) -> Result<Open<C::Key>, SaveError> {
        let sealed = self.seal_all(&open.key, open.plain.iter()).await?;
        let untouched = match old {
            None => self.status() == Status::Plain && self.0.store.get(VAULT_KEY).is_none(),
            Some((old_key, changes)) => self
                .with_open(|o| {
                    &o.key == old_key
                        && o.changes == changes
                        && o.in_flight.is_empty()
                        && self.key_fits(o)
                })
                .unwrap_or(false),
        };
        if !untouched || self.stored_records() != *before {
            return Err(SaveError::Unavailable(
                "the plans changed while they were being encrypted (in this tab or another); try again"
                    .into(),
            ));
        }
        self.write_pass(&sealed, Some(&open.vault.to_json()), before)?;
        open.stored = sealed.into_iter().collect();
        Ok(open)
    }

    pub(super) async fn seal_record(
        &self,
        key: &C::Key,
        plain: &RecordPlaintext,
    ) -> Result<String, CipherError> {
        let sealed = self
            .0
            .cipher
            .seal(key, &plain.plaintext, &plain.additional_data)
            .await?;
        Ok(plain.seal(&sealed.iv.0, &sealed.ciphertext.0))
    }

    /// Encrypts every record given, for one write pass.
    async fn seal_all<'a>(
        &self,
        key: &C::Key,
        records: impl Iterator<Item = (&'a String, &'a String)>,
    ) -> Result<Vec<(String, String)>, SaveError> {
        let mut sealed = Vec::new();
        for (name, value) in records {
            let text = self
                .seal_record(key, &RecordPlaintext::of(name, value))
                .await
                .map_err(unavailable)?;
            sealed.push((name.clone(), text));
        }
        Ok(sealed)
    }

    /// Writes `vault` (when given) and then every sealed record in one
    /// synchronous pass. If any write fails, every key is put back as `before`
    /// had it (or removed), and then, if all of them were, the vault record as
    /// it was.
    fn write_pass(
        &self,
        sealed: &[(String, String)],
        vault: Option<&str>,
        before: &HashMap<String, String>,
    ) -> Result<(), SaveError> {
        let store = &self.0.store;
        let old_vault = store.get(VAULT_KEY);
        let written = vault
            .map_or(Ok(()), |text| store.set(VAULT_KEY, text))
            .and_then(|()| {
                sealed
                    .iter()
                    .try_for_each(|(name, text)| store.set(name, text))
            });
        let Err(error) = written else {
            return Ok(());
        };
        let put_back = sealed
            .iter()
            .try_for_each(|(name, _)| match before.get(name) {
                Some(text) => store.set(name, text),
                None => store.remove(name),
            });
        // A record still under the new key needs the new lock record (which
        // can also open the old key during a change): keep it then.
        let put_back = put_back.and_then(|()| match old_vault {
            Some(text) => store.set(VAULT_KEY, &text),
            None => store.remove(VAULT_KEY),
        });
        Err(match put_back {
            Ok(()) => error,
            Err(put_back) => SaveError::PartlyWritten {
                error: Box::new(error),
                put_back: Box::new(put_back),
            },
        })
    }

    /// Runs `writes` (synchronous saves through the vault), and while the
    /// lock is open, encrypts everything they wrote and stores it in one pass,
    /// all or nothing: on a failure, storage and the decrypted copy are put
    /// back as they were. Without a passphrase it simply runs `writes`. The
    /// writes behind earlier saves must have finished.
    pub async fn write_all_or_nothing(
        &self,
        writes: impl FnOnce() -> Result<(), SaveError>,
    ) -> Result<(), SaveError> {
        if self.status() != Status::Open {
            return writes();
        }
        let Some(plain_before) = self.with_open(|open| {
            open.batch = Some(Vec::new());
            open.plain.clone()
        }) else {
            return writes();
        };
        let result = writes();
        let (written, key, changes) = self
            .with_open(|open| {
                let mut written = open.batch.take().unwrap_or_default();
                written.sort();
                written.dedup();
                let values: Vec<(String, Option<String>)> = written
                    .iter()
                    .map(|k| (k.clone(), open.plain.get(k).cloned()))
                    .collect();
                (values, open.key.clone(), open.changes)
            })
            .ok_or_else(locked)?;
        let undo = |error: SaveError| {
            self.with_open(|open| open.plain = plain_before.clone());
            Err(error)
        };
        if let Err(error) = result {
            return undo(error);
        }
        let values = written
            .iter()
            .filter_map(|(name, value)| Some((name, value.as_ref()?)));
        let sealed = match self.seal_all(&key, values).await {
            Ok(sealed) => sealed,
            Err(error) => return undo(error),
        };
        let unchanged = self.with_open(|o| {
            o.key == key && o.changes == changes && o.in_flight.is_empty() && self.key_fits(o)
        });
        if unchanged != Some(true) {
            return undo(SaveError::Unavailable(
                "the plans changed while the import was being encrypted; try again".into(),
            ));
        }
        if let Err(error) = self.write_pass(&sealed, None, &self.stored_records()) {
            return undo(error);
        }
        self.with_open(|open| {
            for (name, text) in sealed {
                open.stored.insert(name, text);
            }
        });
        Ok(())
    }
}
