//! Every sentence the tool says to a person, in English and in French:
//! confirmations, warnings, errors, hints and prompts. One entry per
//! message, both languages side by side, so that none exists in one only
//! (a test walks [`CATALOGUE`]). The words of tables, `show` and the blog
//! post live in `render/words.rs`; clap's own help stays English.
//!
//! Each message is a function `name(lang, args…) -> String`. Where the
//! language is not known yet (an error made in the store, a warning of an
//! importer), a [`Text`] holds the sentence in both languages until it is
//! shown.
//!
//! French style: a non-breaking space (U+00A0) before `:` `;` `?` `!`, the
//! typographic apostrophe ’. Commands, options, values, paths and keys stay
//! as they are typed.

use crate::model::Lang;

/// A sentence in both languages, chosen when it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    en: String,
    fr: String,
}

impl Text {
    /// The sentence `message` makes in each language.
    pub fn new(message: impl Fn(Lang) -> String) -> Self {
        Text { en: message(Lang::En), fr: message(Lang::Fr) }
    }

    /// Text that reads the same in every language: a command, a path, a
    /// parser's own message.
    pub fn verbatim(text: impl Into<String>) -> Self {
        let text = text.into();
        Text { fr: text.clone(), en: text }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}

/// English, for logs and `Display`.
impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

/// A `Text` can be the message of an `io::Error` the tool makes itself, so
/// that it is shown in the person's language too.
impl std::error::Error for Text {}

macro_rules! messages {
    ($( $(#[$doc:meta])* $name:ident ( $($arg:ident : $ty:ty),* ) { en: $en:literal, fr: $fr:literal $(,)? } )*) => {
        // A sentence may carry many values (the report of an import).
        $( $(#[$doc])* #[allow(clippy::too_many_arguments)]
        pub fn $name(lang: Lang $(, $arg: $ty)*) -> String {
            match lang { Lang::En => format!($en), Lang::Fr => format!($fr) }
        } )*
        /// Every message: its name, its English and its French text.
        pub const CATALOGUE: &[(&str, &str, &str)] = &[$((stringify!($name), $en, $fr)),*];
    };
}

messages! {
    // The labels of what `main` prints.
    label_error() { en: "error:", fr: "erreur\u{a0}:" }
    label_caused_by() { en: "caused by:", fr: "cause\u{a0}:" }
    label_help() { en: "help:", fr: "aide\u{a0}:" }
    label_warning() { en: "warning:", fr: "attention\u{a0}:" }
    /// "what: message", with the colon each language wants.
    labelled(what: &str, message: &str) { en: "{what}: {message}", fr: "{what}\u{a0}: {message}" }

    // Errors of every command (src/error.rs).
    cancelled() { en: "cancelled, nothing was saved", fr: "annulé, rien n’a été enregistré" }
    unknown_verdict(input: &str) { en: "unknown verdict '{input}'", fr: "verdict inconnu '{input}'" }
    unknown_kind(input: &str, known: &str) {
        en: "unknown kind '{input}' (expected one of: {known})",
        fr: "type inconnu '{input}' (valeurs possibles\u{a0}: {known})",
    }
    unknown_status(input: &str, known: &str) {
        en: "unknown status '{input}' (expected one of: {known})",
        fr: "statut inconnu '{input}' (valeurs possibles\u{a0}: {known})",
    }
    day_out_of_range(day: i64, event: &str, last: i64) {
        en: "day {day} is outside {event}, which has days 1 to {last}",
        fr: "le jour {day} est hors de {event}, qui a les jours 1 à {last}",
    }
    not_during_event(today: &str, event: &str, start: &str, end: &str) {
        en: "today ({today}) is not a day of {event} ({start} to {end})",
        fr: "aujourd’hui ({today}) n’est pas un jour de {event} (du {start} au {end})",
    }
    bad_date(input: &str) {
        en: "invalid date '{input}': expected YYYY-MM-DD, e.g. 2024-03-19",
        fr: "date invalide '{input}'\u{a0}: attendu AAAA-MM-JJ, par ex. 2024-03-19",
    }
    bad_day(input: &str) {
        en: "invalid day '{input}': expected a day number, 1 for the first day",
        fr: "jour invalide '{input}'\u{a0}: attendu un numéro de jour, 1 pour le premier",
    }
    bad_day_filter(input: &str) {
        en: "invalid day '{input}': expected a day number (1 for the first day), today, tomorrow, yesterday, a date (2024-03-21) or a weekday",
        fr: "jour invalide '{input}'\u{a0}: attendu un numéro de jour (1 pour le premier), today, tomorrow, yesterday (ou aujourd’hui, demain, hier), une date (2024-03-21) ou un jour de la semaine",
    }
    bad_heading(input: &str) {
        en: "invalid heading '{input}': expected SECTION=TEXT, SECTION one of keynotes, talks, wished, meetings, to_try, conclusion",
        fr: "titre de section invalide '{input}'\u{a0}: attendu SECTION=TEXTE, SECTION parmi keynotes, talks, wished, meetings, to_try, conclusion",
    }
    bad_link(input: &str) {
        en: "invalid link '{input}': expected an address such as https://example.org/slides.pdf, or LABEL=URL",
        fr: "lien invalide '{input}'\u{a0}: attendu une adresse comme https://example.org/slides.pdf, ou LIBELLÉ=URL",
    }
    wrote_man_pages(count: usize, dir: &str) {
        en: "Wrote {count} man pages to {dir}",
        fr: "{count} pages de manuel écrites dans {dir}",
    }
    no_completion_script(name: &str) {
        en: "no completion script for {name}",
        fr: "pas de script de complétion pour {name}",
    }
    hint_completion_shells() {
        en: "try bash, zsh or fish",
        fr: "essayez bash, zsh ou fish",
    }
    bad_time(input: &str) {
        en: "invalid time '{input}': expected HH:MM (on the session's day) or YYYY-MM-DDTHH:MM",
        fr: "heure invalide '{input}'\u{a0}: attendu HH:MM (le jour de la session) ou AAAA-MM-JJTHH:MM",
    }
    time_not_in_zone(input: &str) {
        en: "invalid time '{input}': expected a time that exists in the event's time zone",
        fr: "heure invalide '{input}'\u{a0}: attendu une heure qui existe dans le fuseau horaire de l’événement",
    }
    bad_notes_now(input: &str) {
        en: "invalid NOTES_NOW '{input}': expected an RFC 3339 date-time, e.g. 2024-03-20T11:05:00+01:00",
        fr: "NOTES_NOW invalide '{input}'\u{a0}: attendu une date et heure RFC 3339, par ex. 2024-03-20T11:05:00+01:00",
    }
    unknown_session(id: u32, event: &str) { en: "no session #{id} in {event}", fr: "aucune session #{id} dans {event}" }
    unknown_event(slug: &str) {
        en: "no event '{slug}' in the journal",
        fr: "aucun événement '{slug}' dans le journal",
    }
    no_current_event() { en: "no current event", fr: "aucun événement courant" }
    no_current_session(event: &str) {
        en: "no current session in {event}",
        fr: "aucune session courante dans {event}",
    }
    empty_title() { en: "the title is empty", fr: "le titre est vide" }
    event_exists(slug: &str) { en: "an event '{slug}' already exists", fr: "un événement '{slug}' existe déjà" }
    schema_too_new(path: &str, found: i64, supported: i64) {
        en: "{path}: schema {found} is newer than this notes supports ({supported})",
        fr: "{path}\u{a0}: le schéma {found} est plus récent que ce que cette version de notes connaît ({supported})",
    }
    template_error(error: &str) { en: "template: {error}", fr: "modèle\u{a0}: {error}" }
    unstorable(what: &str, problem: &str) {
        en: "{what} cannot be saved, it would not read back ({problem}); nothing was written",
        fr: "impossible d’enregistrer {what}, qui ne se relirait pas ({problem})\u{a0}; rien n’a été écrit",
    }
    edit_conflict(what: &str, fields: &str) {
        en: "{what} changed while you were editing it, in the same fields ({fields}); nothing was saved",
        fr: "{what} a changé pendant que vous le modifiiez, dans les mêmes champs ({fields})\u{a0}; rien n’a été enregistré",
    }
    broken_pipe() { en: "broken pipe", fr: "tube fermé" }

    // What cannot be done to a file (Error::Io), the OS saying why.
    cannot_create(path: &str) { en: "cannot create {path}", fr: "impossible de créer {path}" }
    cannot_create_dir(path: &str) { en: "cannot create directory {path}", fr: "impossible de créer le dossier {path}" }
    cannot_create_temp_in(path: &str) {
        en: "cannot create a temp file in {path}",
        fr: "impossible de créer un fichier temporaire dans {path}",
    }
    cannot_flush(path: &str) { en: "cannot flush {path}", fr: "impossible de synchroniser {path} sur le disque" }
    cannot_flush_dir(path: &str) {
        en: "cannot flush directory {path}",
        fr: "impossible de synchroniser le dossier {path} sur le disque",
    }
    cannot_keep(path: &str) { en: "cannot keep {path}", fr: "impossible de conserver {path}" }
    cannot_lock(path: &str) { en: "cannot lock {path}", fr: "impossible de verrouiller {path}" }
    cannot_open(path: &str) { en: "cannot open {path}", fr: "impossible d’ouvrir {path}" }
    cannot_open_lock(path: &str) {
        en: "cannot open lock file {path}",
        fr: "impossible d’ouvrir le fichier de verrou {path}",
    }
    cannot_read(path: &str) { en: "cannot read {path}", fr: "impossible de lire {path}" }
    cannot_read_dir(path: &str) { en: "cannot read directory {path}", fr: "impossible de lire le dossier {path}" }
    cannot_read_template(path: &str) {
        en: "cannot read the template {path}",
        fr: "impossible de lire le modèle {path}",
    }
    cannot_read_from(path: &str) { en: "cannot read from {path}", fr: "impossible de lire depuis {path}" }
    cannot_remove(path: &str) { en: "cannot remove {path}", fr: "impossible de supprimer {path}" }
    cannot_replace(path: &str) { en: "cannot replace {path}", fr: "impossible de remplacer {path}" }
    cannot_set_permissions(path: &str) {
        en: "cannot set permissions on {path}",
        fr: "impossible de régler les permissions de {path}",
    }
    cannot_write(path: &str) { en: "cannot write {path}", fr: "impossible d’écrire {path}" }
    cannot_write_to(path: &str) { en: "cannot write to {path}", fr: "impossible d’écrire sur {path}" }
    the_terminal() { en: "the terminal", fr: "le terminal" }
    not_a_regular_file() { en: "not a regular file", fr: "pas un fichier ordinaire" }
    too_big_small_file() {
        en: "over 4 MB, too big for this kind of file",
        fr: "plus de 4 Mo, trop gros pour ce genre de fichier",
    }

    // Hints (the `help:` line).
    hint_text_kept(path: &str) { en: "your text is kept in {path}", fr: "votre texte est conservé dans {path}" }
    hint_broken_schedule() {
        en: "notes manages this file: import the schedule again to rebuild it (notes import FILE)",
        fr: "notes gère ce fichier\u{a0}: importez à nouveau le programme pour le reconstruire (notes import FILE)",
    }
    hint_verdict_did_you_mean(suggestion: &str, known: &str) {
        en: "did you mean '{suggestion}'? Known verdicts: {known}",
        fr: "vouliez-vous dire '{suggestion}'\u{a0}? Verdicts connus\u{a0}: {known}",
    }
    hint_known_verdicts(known: &str) {
        en: "known verdicts: {known} (add your own under [[verdicts]] in config.toml)",
        fr: "verdicts connus\u{a0}: {known} (ajoutez les vôtres sous [[verdicts]] dans config.toml)",
    }
    hint_did_you_mean(suggestion: &str) {
        en: "did you mean '{suggestion}'?",
        fr: "vouliez-vous dire '{suggestion}'\u{a0}?",
    }
    hint_day_range(last: u32) { en: "pass --day 1 to --day {last}", fr: "passez --day 1 à --day {last}" }
    hint_day_explicit(last: u32) {
        en: "pass the day explicitly, --day 1 to --day {last}",
        fr: "donnez le jour explicitement, --day 1 à --day {last}",
    }
    hint_list_ids() { en: "`notes list` shows the ids", fr: "`notes list` affiche les numéros" }
    hint_event_list() { en: "`notes event list` shows the events", fr: "`notes event list` affiche les événements" }
    hint_create_event() {
        en: "create one: notes event add \"KubeCon Europe 2024\" --start 2024-03-19 --end 2024-03-22",
        fr: "créez-en un\u{a0}: notes event add \"KubeCon Europe 2024\" --start 2024-03-19 --end 2024-03-22",
    }
    hint_pick_event(events: &str) {
        en: "pick one with `notes event use SLUG` or pass --event (events: {events})",
        fr: "choisissez-en un avec `notes event use SLUG` ou passez --event (événements\u{a0}: {events})",
    }
    hint_add_session() {
        en: "add a session with `notes add TITLE`, or pass its id",
        fr: "ajoutez une session avec `notes add TITLE`, ou donnez son numéro",
    }
    hint_give_title() {
        en: "give the session a title, e.g. notes add \"Gateway API deep dive\"",
        fr: "donnez un titre à la session, par ex. notes add \"Gateway API deep dive\"",
    }
    hint_other_slug() { en: "choose another name or pass --slug", fr: "choisissez un autre nom ou passez --slug" }
    hint_fix_by_hand() {
        en: "fix the file by hand; notes never overwrites a file it cannot read",
        fr: "corrigez le fichier à la main\u{a0}; notes n’écrase jamais un fichier qu’il ne sait pas lire",
    }

    // The context: the journal, the state.
    waiting_for_lock(name: &str) {
        en: "waiting for another notes process to finish writing {name}…",
        fr: "en attente d’un autre processus notes qui écrit {name}…",
    }
    skipping_event(slug: &str, error: &str) { en: "skipping {slug}: {error}", fr: "{slug} ignoré\u{a0}: {error}" }

    // Prompts on a terminal.
    picker_help() {
        en: "type words of a title, speaker, room or track · ↑↓ · Enter · Esc cancels",
        fr: "tapez des mots d’un titre, d’un speaker, d’une salle ou d’un track · ↑↓ · Entrée · Échap annule",
    }
    cannot_ask(question: &str) {
        en: "cannot ask \"{question}\": not on a terminal (or --no-input)",
        fr: "impossible de demander \"{question}\"\u{a0}: pas de terminal (ou --no-input)",
    }
    hint_pass_value() {
        en: "pass the value as an argument; `notes help` lists them",
        fr: "passez la valeur en argument\u{a0}; `notes help` les liste",
    }

    // The editor.
    edit_invalid(error: &str) {
        en: "the edit is invalid, nothing was saved: {error}",
        fr: "la modification est invalide, rien n’a été enregistré\u{a0}: {error}",
    }
    edit_again() {
        en: "Edit again? (no: discard the edit)",
        fr: "Modifier à nouveau\u{a0}? (non\u{a0}: abandonner la modification)",
    }
    cannot_start_editor(editor: &str, error: &str) {
        en: "cannot start the editor '{editor}': {error}",
        fr: "impossible de lancer l’éditeur '{editor}'\u{a0}: {error}",
    }
    editor_failed(editor: &str, status: &str) {
        en: "the editor '{editor}' failed ({status}); nothing was saved",
        fr: "l’éditeur '{editor}' a échoué ({status})\u{a0}; rien n’a été enregistré",
    }
    hint_set_editor() {
        en: "set $EDITOR, or `editor` in config.toml",
        fr: "définissez $EDITOR, ou `editor` dans config.toml",
    }
    no_changes() { en: "No changes.", fr: "Aucun changement." }

    // notes add
    title_required() {
        en: "a title is required when notes cannot prompt (no terminal, or --no-input)",
        fr: "un titre est requis quand notes ne peut rien demander (pas de terminal, ou --no-input)",
    }
    added(id: u32, slug: &str, day: u32, title: &str) {
        en: "Added #{id} to {slug}, day {day}: {title}",
        fr: "Session #{id} ajoutée à {slug}, jour {day}\u{a0}: {title}",
    }
    added_from_schedule(id: u32, title: &str) {
        en: "Added #{id} {title}, from the schedule: jot away.",
        fr: "#{id} {title} ajoutée depuis le programme\u{a0}: à vos notes.",
    }
    now_attending(id: u32, title: &str) {
        en: "Now attending #{id} {title}: jot away.",
        fr: "Vous êtes à #{id} {title}\u{a0}: à vos notes.",
    }
    planned_for_later(id: u32, title: &str) {
        en: "Planned #{id} {title} (it starts later); it is the current session.",
        fr: "#{id} {title} prévue (elle commence plus tard)\u{a0}; c’est la session courante.",
    }
    no_schedule(slug: &str) { en: "{slug} has no schedule", fr: "{slug} n’a pas de programme" }
    hint_import_schedule_first() {
        en: "import the schedule first: notes import schedule.ics",
        fr: "importez d’abord le programme\u{a0}: notes import schedule.ics",
    }
    which_talk() { en: "Which talk?", fr: "Quel talk\u{a0}?" }
    which_talk_on_day(day: u32) { en: "Which talk? (day {day})", fr: "Quel talk\u{a0}? (jour {day})" }
    nothing_under_way() {
        en: "no talk is under way or starting within 15 minutes",
        fr: "aucun talk n’est en cours ni ne commence dans les 15 minutes",
    }
    nothing_under_way_matches(filter: &str) {
        en: "no talk under way or starting within 15 minutes matches '{filter}'",
        fr: "aucun talk en cours ou qui commence dans les 15 minutes ne correspond à '{filter}'",
    }
    hint_day_schedule(day: u32) {
        en: "notes list --schedule --day {day} shows the day's schedule",
        fr: "notes list --schedule --day {day} affiche le programme du jour",
    }
    and_more(count: usize) { en: "and {count} more", fr: "et {count} autres" }
    talks_under_way(count: usize) {
        en: "{count} talks are under way or about to start",
        fr: "{count} talks sont en cours ou sur le point de commencer",
    }
    talks_match(count: usize, filter: &str) {
        en: "{count} talks match '{filter}'",
        fr: "{count} talks correspondent à '{filter}'",
    }
    /// A sentence, then one line per item.
    listed(what: &str, lines: &str) { en: "{what}:\n{lines}", fr: "{what}\u{a0}:\n{lines}" }
    hint_be_specific() {
        en: "be more specific, e.g. notes add --now \"Hall 7\"",
        fr: "soyez plus précis, par ex. notes add --now \"Hall 7\"",
    }
    another_session() { en: "Another session (type its title)", fr: "Une autre session (tapez son titre)" }
    another_session_answer() { en: "another session", fr: "une autre session" }
    ask_first_note() { en: "First note (Enter: none)", fr: "Première note (Entrée\u{a0}: aucune)" }
    title_needed() {
        en: "a session needs a title (Ctrl-C to cancel)",
        fr: "une session a besoin d’un titre (Ctrl-C pour annuler)",
    }
    ask_speakers() {
        en: "Speakers, e.g. Liz Rice (Isovalent), Thomas Graf (Enter: none)",
        fr: "Speakers, par ex. Liz Rice (Isovalent), Thomas Graf (Entrée\u{a0}: aucun)",
    }
    ask_tags() {
        en: "Tags, separated by spaces or commas (Enter: none)",
        fr: "Tags, séparés par des espaces ou des virgules (Entrée\u{a0}: aucun)",
    }
    no_verdict_yet() { en: "(none yet)", fr: "(pas encore)" }
    day_choice(day: u32, date: &str) { en: "Day {day} ({date})", fr: "Jour {day} ({date})" }

    // notes jot
    jotted(id: u32, title: &str) { en: "Jotted to #{id} {title}", fr: "Noté dans #{id} {title}" }
    jotted_now_attended(id: u32, title: &str) {
        en: "Jotted to #{id} {title} (its time has come: now attended)",
        fr: "Noté dans #{id} {title} (son heure est venue\u{a0}: maintenant vue)",
    }
    jotted_to_planned(id: u32, title: &str) {
        en: "Jotted to #{id} {title} (planned, under way: now current, attended)",
        fr: "Noté dans #{id} {title} (prévu, en cours\u{a0}: maintenant courant, vu)",
    }
    jotted_loose(id: u32, title: &str) {
        en: "No session is current: jotted to #{id} {title}. `notes add` picks the talk; `notes edit {id}` moves the text to it.",
        fr: "Aucune session courante\u{a0}: noté dans #{id} {title}. `notes add` choisit le talk\u{a0}; `notes edit {id}` y déplace le texte.",
    }
    filed_following_plan(id: u32, title: &str) {
        en: "#{id} {title} is the talk you planned, under way: now current and attended",
        fr: "#{id} {title} est le talk que vous aviez prévu, en cours\u{a0}: maintenant courant et vu",
    }
    filed_loose(id: u32, title: &str) {
        en: "No session is current: filed in #{id} {title}; `notes edit {id}` moves it to the talk",
        fr: "Aucune session courante\u{a0}: rangé dans #{id} {title}\u{a0}; `notes edit {id}` le déplace vers le talk",
    }
    jot_stale(id: u32, why: &str) {
        en: "#{id} {why}: if this note is for the talk under way, `notes add --now` makes that talk current, and `notes edit {id}` moves the line",
        fr: "#{id} {why}\u{a0}: si cette note est pour le talk en cours, `notes add --now` en fait la session courante, et `notes edit {id}` déplace la ligne",
    }
    stale_ended_at(time: &str) { en: "ended at {time}", fr: "s’est terminée à {time}" }
    stale_other_day(day: u32) { en: "is a session of day {day}", fr: "est une session du jour {day}" }
    stale_starts_at(time: &str) { en: "starts at {time}", fr: "commence à {time}" }
    stdin_too_big() {
        en: "more than 16 MB on stdin: that is not a note",
        fr: "plus de 16 Mo sur stdin\u{a0}: ce n’est pas une note",
    }
    hint_smaller_jots() { en: "jot smaller pieces", fr: "notez des morceaux plus petits" }
    nothing_to_jot() { en: "nothing to jot: the text is empty", fr: "rien à noter\u{a0}: le texte est vide" }
    hint_jot_example() {
        en: "notes jot \"what the speaker just said\"",
        fr: "notes jot \"ce que le speaker vient de dire\"",
    }

    // notes attach, notes photos, and the pictures of an export.
    not_a_picture() {
        en: "not a picture notes can keep: only JPEG and PNG files are (checked by content, not by name)",
        fr: "pas une image que notes peut garder\u{a0}: seuls les fichiers JPEG et PNG le sont (vérifié d’après le contenu, pas le nom)",
    }
    picture_truncated() {
        en: "the picture stops before its end (a copy cut short?)",
        fr: "l’image s’arrête avant sa fin (une copie interrompue\u{a0}?)",
    }
    picture_damaged(detail: &str) {
        en: "the picture does not decode ({detail})",
        fr: "l’image ne se décode pas ({detail})",
    }
    picture_too_big(megabytes: u64) {
        en: "too big for a picture: more than {megabytes} MB",
        fr: "trop gros pour une image\u{a0}: plus de {megabytes} Mo",
    }
    picture_is_a_folder() { en: "a folder, not a picture", fr: "un dossier, pas une image" }
    hint_photos_for_folders() {
        en: "`notes photos DIR` files a folder of photos under the talks they were taken in",
        fr: "`notes photos DIR` range un dossier de photos sous les talks où elles ont été prises",
    }
    hint_attach_pictures() {
        en: "attach JPEG or PNG files, e.g. notes attach slide.jpg --caption \"The architecture\"",
        fr: "joignez des fichiers JPEG ou PNG, par ex. notes attach slide.jpg --caption \"L’architecture\"",
    }
    attached(file: &str, id: u32, title: &str) {
        en: "Attached {file} to #{id} {title}",
        fr: "{file} joint à #{id} {title}",
    }
    already_attached(file: &str, id: u32, title: &str) {
        en: "{file} is already attached to #{id} {title}: nothing to do",
        fr: "{file} est déjà joint à #{id} {title}\u{a0}: rien à faire",
    }
    bad_camera_offset(input: &str) {
        en: "invalid camera offset '{input}': expected ±HH:MM, what to add to the camera's clock, e.g. +01:00 or -00:05",
        fr: "décalage d’appareil invalide '{input}'\u{a0}: attendu ±HH:MM, ce qu’il faut ajouter à l’horloge de l’appareil, par ex. +01:00 ou -00:05",
    }
    no_pictures_in(dir: &str) {
        en: "no JPEG or PNG pictures in {dir}",
        fr: "aucune image JPEG ou PNG dans {dir}",
    }
    reading_photos() { en: "Reading photos", fr: "Lecture des photos" }
    resizing_pictures() { en: "Resizing pictures", fr: "Redimensionnement des images" }
    photo_skipped(file: &str, why: &str) { en: "skipped {file}: {why}", fr: "{file} ignoré\u{a0}: {why}" }
    photo_to_session(file: &str, id: u32, title: &str) { en: "{file} → #{id} {title}", fr: "{file} → dans #{id} {title}" }
    photo_already_in(file: &str, id: u32, title: &str) {
        en: "{file} → #{id} {title} (already there)",
        fr: "{file} → dans #{id} {title} (déjà là)",
    }
    photo_unmatched(file: &str, taken: &str) {
        en: "{file}: unmatched, taken {taken} with no talk under way nor within 15 minutes",
        fr: "{file}\u{a0}: sans talk, prise le {taken} sans talk en cours ni à moins de 15 minutes",
    }
    photo_undated(file: &str) {
        en: "{file}: unmatched, its EXIF says not when it was taken",
        fr: "{file}\u{a0}: sans talk, son EXIF ne dit pas quand elle a été prise",
    }
    photos_dry_run() {
        en: "Dry run: nothing was written (run again without --dry-run to file them)",
        fr: "Essai à blanc\u{a0}: rien n’a été écrit (relancez sans --dry-run pour les ranger)",
    }
    photos_filed(filed: usize, sessions: usize, already: usize, unmatched: usize) {
        en: "Filed {filed} photos under {sessions} sessions ({already} already there, {unmatched} unmatched)",
        fr: "{filed} photos rangées sous {sessions} sessions ({already} déjà là, {unmatched} sans talk)",
    }
    picture_not_kept(link: &str) {
        en: "{link} is not in the journal: the post keeps the link as it is",
        fr: "{link} n’est pas dans le journal\u{a0}: l’article garde le lien tel quel",
    }
    picture_unusable(link: &str, why: &str) {
        en: "{link} cannot be exported: {why}",
        fr: "{link} ne peut pas être exportée\u{a0}: {why}",
    }
    pictures_link_journal(count: usize, dir: &str) {
        en: "The post links its {count} pictures to the journal's copies in {dir}; --bundle with --output FILE or --per-day DIR puts web-sized copies beside the posts",
        fr: "L’article lie ses {count} images aux copies du journal dans {dir}\u{a0}; --bundle avec --output FICHIER ou --per-day DOSSIER en met des copies pour le web à côté des articles",
    }
    bundle_needs_a_place() {
        en: "--bundle needs a place for the pictures",
        fr: "--bundle a besoin d’un endroit pour les images",
    }
    hint_bundle_place() {
        en: "add --output FOLDER/index.md (the pictures go beside it) or --per-day DIR",
        fr: "ajoutez --output DOSSIER/index.md (les images vont à côté) ou --per-day DOSSIER",
    }
    wrote_posts_and_pictures(count: usize, pictures: usize, dir: &str) {
        en: "Wrote {count} posts and {pictures} pictures to {dir}",
        fr: "{count} articles et {pictures} images écrits dans {dir}",
    }

    // notes team, notes sync
    cannot_run_git(path: &str) {
        en: "cannot run {path}: is git installed?",
        fr: "impossible de lancer {path}\u{a0}: git est-il installé\u{a0}?",
    }
    git_failed(command: &str, said: &str) {
        en: "git {command} failed: {said}",
        fr: "git {command} a échoué\u{a0}: {said}",
    }
    hint_git_failed() {
        en: "your journal's files are as they were; once git's problem is solved, run the command again",
        fr: "les fichiers de votre journal sont intacts\u{a0}; une fois le problème de git réglé, relancez la commande",
    }
    remote_has_a_journal() {
        en: "the remote already holds a team's journal",
        fr: "le dépôt distant contient déjà le journal d’une équipe",
    }
    hint_join_instead() {
        en: "join it from a new folder: notes --dir NEW-FOLDER team join REMOTE --author \"Your Name\"",
        fr: "rejoignez-le depuis un nouveau dossier\u{a0}: notes --dir NOUVEAU-DOSSIER team join REMOTE --author \"Votre nom\"",
    }
    remote_is_empty(remote: &str) {
        en: "{remote} holds no journal yet",
        fr: "{remote} ne contient pas encore de journal",
    }
    hint_init_first() {
        en: "the first of the team shares theirs: notes team init --author \"Name\" REMOTE",
        fr: "la première personne de l’équipe partage le sien\u{a0}: notes team init --author \"Nom\" REMOTE",
    }
    team_needs_author() {
        en: "a team journal needs your name, for the post's byline",
        fr: "un journal d’équipe a besoin de votre nom, pour la signature de l’article",
    }
    not_a_name(author: &str) {
        en: "{author:?} is not a name: a name has letters, and no line break, < or >",
        fr: "{author:?} n’est pas un nom\u{a0}: un nom a des lettres, et ni saut de ligne, ni < ni >",
    }
    hint_team_author() {
        en: "add --author \"Your Name\", or author = \"Your Name\" in the config",
        fr: "ajoutez --author \"Votre nom\", ou author = \"Votre nom\" dans la configuration",
    }
    not_a_team_journal() {
        en: "this journal is not shared with a team",
        fr: "ce journal n’est pas partagé avec une équipe",
    }
    hint_team_init() {
        en: "notes team init --author \"Your Name\" [REMOTE] shares it, notes team join REMOTE --author \"Your Name\" joins a team's",
        fr: "notes team init --author \"Votre nom\" [REMOTE] le partage, notes team join REMOTE --author \"Votre nom\" rejoint celui d’une équipe",
    }
    join_needs_empty_dir(dir: &str) {
        en: "{dir} is not empty: a team's journal is cloned into a new folder",
        fr: "{dir} n’est pas vide\u{a0}: le journal d’une équipe se clone dans un nouveau dossier",
    }
    hint_join_elsewhere() {
        en: "give another folder with --dir, or notes team init in this journal to share it",
        fr: "donnez un autre dossier avec --dir, ou notes team init dans ce journal pour le partager",
    }
    remote_not_found(remote: &str) {
        en: "the team's remote {remote} answers that there is no such repository",
        fr: "le dépôt distant de l’équipe {remote} répond qu’il n’existe pas",
    }
    hint_check_remote() {
        en: "your notes are committed here; check the address (git remote -v in the journal, or notes team init REMOTE again)",
        fr: "vos notes sont enregistrées ici\u{a0}; vérifiez l’adresse (git remote -v dans le journal, ou notes team init REMOTE à nouveau)",
    }
    push_refused() {
        en: "the others kept pushing while this clone merged: nothing was pushed",
        fr: "les autres ont poussé pendant que ce clone fusionnait\u{a0}: rien n’a été poussé",
    }
    hint_sync_again() {
        en: "your notes are committed here; run notes sync again",
        fr: "vos notes sont enregistrées ici\u{a0}; relancez notes sync",
    }
    commit_team_init(author: &str) {
        en: "Share the journal ({author})",
        fr: "Partage du journal ({author})",
    }
    commit_sync(author: &str) { en: "Notes of {author}", fr: "Notes de {author}" }
    commit_merge() { en: "Merge the team's notes", fr: "Fusion des notes de l’équipe" }
    team_ready(dir: &str, author: &str) {
        en: "{dir} is a team journal; you write as {author}. notes sync shares your notes.",
        fr: "{dir} est un journal d’équipe\u{a0}; vous écrivez en tant que {author}. notes sync partage vos notes.",
    }
    team_joined(dir: &str, author: &str) {
        en: "Joined the team's journal in {dir}; you write as {author}.",
        fr: "Journal de l’équipe rejoint dans {dir}\u{a0}; vous écrivez en tant que {author}.",
    }
    synced(received: usize) {
        en: "Synced: everything pushed; commits received from the team: {received}.",
        fr: "Synchronisé\u{a0}: tout est poussé\u{a0}; commits reçus de l’équipe\u{a0}: {received}.",
    }
    synced_offline() {
        en: "Offline: your notes are committed here and will be pushed by the next notes sync.",
        fr: "Hors ligne\u{a0}: vos notes sont enregistrées ici et partiront au prochain notes sync.",
    }
    synced_no_remote() {
        en: "Committed here; the journal has no remote (notes team init REMOTE sets one).",
        fr: "Enregistré ici\u{a0}; le journal n’a pas de dépôt distant (notes team init REMOTE en donne un).",
    }
    sync_recovered() {
        en: "An interrupted sync was undone first; nothing is lost.",
        fr: "Une synchronisation interrompue a d’abord été annulée\u{a0}; rien n’est perdu.",
    }
    together_in_one_room(count: usize) {
        en: "{count} in one room",
        fr: "{count} dans la même salle",
    }
    team_plan_empty(day: u32) {
        en: "Nobody of the team planned or attended a talk on day {day}.",
        fr: "Personne de l’équipe n’a prévu ni vu de talk le jour {day}.",
    }
    keynotes_nobody_covers() {
        en: "Keynotes nobody covers:",
        fr: "Keynotes que personne ne couvre\u{a0}:",
    }
    hint_fix_and_sync() {
        en: "your journal is as it was; make the file read again (notes list says where), then run notes sync",
        fr: "votre journal est intact\u{a0}; rendez le fichier lisible (notes list dit où), puis relancez notes sync",
    }
    merge_left_to_you(name: &str) {
        en: "{name} could not be merged by meaning: one side does not read",
        fr: "{name} n’a pas pu être fusionné par le sens\u{a0}: un des côtés ne se lit pas",
    }

    // notes verdict
    verdict_given(id: u32, title: &str, verdict: &str) {
        en: "#{id} {title}: {verdict}",
        fr: "#{id} {title}\u{a0}: {verdict}",
    }
    verdict_given_now_attended(id: u32, title: &str, verdict: &str) {
        en: "#{id} {title}: {verdict} (now attended)",
        fr: "#{id} {title}\u{a0}: {verdict} (maintenant vue)",
    }

    // notes rm
    kept(id: u32) { en: "Kept #{id}.", fr: "#{id} conservée." }
    deleted(id: u32, title: &str) { en: "Deleted #{id} {title}", fr: "#{id} {title} supprimée" }
    changed_while_asked(id: u32) {
        en: "#{id} changed while you were asked; nothing was deleted",
        fr: "#{id} a changé pendant la question\u{a0}; rien n’a été supprimé",
    }
    hint_look_again(id: u32) {
        en: "look again with `notes show {id}`",
        fr: "regardez à nouveau avec `notes show {id}`",
    }
    refusing_to_delete(id: u32) {
        en: "refusing to delete #{id} without confirmation (no terminal)",
        fr: "#{id} n’est pas supprimée sans confirmation (pas de terminal)",
    }
    confirm_delete(id: u32, title: &str) {
        en: "Delete #{id} {title} and its notes?",
        fr: "Supprimer #{id} {title} et ses notes\u{a0}?",
    }

    // notes edit
    updated(id: u32, title: &str) { en: "Updated #{id} {title}", fr: "#{id} {title} modifiée" }

    // notes plan, notes unplan
    hint_import_one_first() {
        en: "import one first: notes import schedule.ics",
        fr: "importez-en un d’abord\u{a0}: notes import schedule.ics",
    }
    already_attended(id: u32, title: &str) {
        en: "#{id} {title} is already attended: it stays so",
        fr: "#{id} {title} est déjà vue\u{a0}: elle le reste",
    }
    already_planned(id: u32, title: &str) {
        en: "#{id} {title} is already planned",
        fr: "#{id} {title} est déjà prévue",
    }
    planned(id: u32, title: &str) { en: "Planned #{id} {title}", fr: "#{id} {title} prévue" }
    overlaps(id: u32, title: &str, other: u32, other_title: &str, time: &str, room: &str) {
        en: "#{id} {title} overlaps #{other} {other_title} ({time}{room})",
        fr: "#{id} {title} chevauche #{other} {other_title} ({time}{room})",
    }
    not_planned(title: &str) { en: "{title} is not planned", fr: "{title} n’est pas prévue" }
    unplanned(id: u32, title: &str) { en: "Unplanned #{id} {title}", fr: "#{id} {title} retirée du plan" }
    has_status_not_planned(id: u32, title: &str, status: &str) {
        en: "#{id} {title} is {status}, not planned",
        fr: "#{id} {title} a le statut {status}, pas prévue",
    }
    hint_change_status(id: u32) {
        en: "notes edit {id} --status … changes its status",
        fr: "notes edit {id} --status … change son statut",
    }
    holds_yours(id: u32, title: &str) {
        en: "#{id} {title} holds notes of yours (notes, verdict, tags or links): it stays",
        fr: "#{id} {title} contient des choses à vous (notes, verdict, tags ou liens)\u{a0}: elle reste",
    }
    hint_rm_or_missed(id: u32) {
        en: "notes rm {id} deletes it with them, or notes edit {id} --status missed keeps them",
        fr: "notes rm {id} la supprime avec elles, ou notes edit {id} --status missed les garde",
    }

    // notes import
    nothing_imported(error: &str) { en: "{error}; nothing was imported", fr: "{error}\u{a0}; rien n’a été importé" }
    unknown_section(table: &str, key: &str, known: &str) {
        en: "{table}: '{key}' is not a section of the post (sections: {known})",
        fr: "{table}\u{a0}: '{key}' n’est pas une section du billet (sections\u{a0}: {known})",
    }
    programme_unreadable(error: &str) {
        en: "the programme cannot be read, so it is left out: {error}",
        fr: "le programme est illisible, il est laissé de côté\u{a0}: {error}",
    }
    previous_schedule_unreadable(error: &str) {
        en: "the previous schedule cannot be read, so it is replaced: {error}",
        fr: "le programme précédent est illisible, il est donc remplacé\u{a0}: {error}",
    }
    field_kept(id: u32, title: &str, field: &str) {
        en: "#{id} {title}: your {field} was kept; the schedule changed it too (notes show {id}, notes edit {id})",
        fr: "#{id} {title}\u{a0}: votre changement ({field}) est conservé\u{a0}; le programme l’a changé aussi (notes show {id}, notes edit {id})",
    }
    field_title() { en: "title", fr: "titre" }
    field_time() { en: "time", fr: "horaire" }
    field_room() { en: "room", fr: "salle" }
    field_speakers() { en: "speakers", fr: "liste des speakers" }
    zone_changed(slug: &str, zone: &str, was: &str) {
        en: "The time zone of {slug} is now {zone} (it was {was}).",
        fr: "Le fuseau horaire de {slug} est maintenant {zone} (c’était {was}).",
    }
    zone_differs(slug: &str, zone: &str, place: &str, file: &str) {
        en: "{slug} is in {zone}, but the schedule's places are in {place}: `notes import {file} --tz {place}` sets the event's zone",
        fr: "{slug} est dans le fuseau {zone}, mais les lieux du programme sont dans {place}\u{a0}: `notes import {file} --tz {place}` règle le fuseau de l’événement",
    }
    no_event_name(name: &str) {
        en: "cannot make an event name from '{name}'",
        fr: "impossible de tirer un nom d’événement de '{name}'",
    }
    hint_create_event_then_import() {
        en: "create the event first, then import with --event SLUG",
        fr: "créez d’abord l’événement, puis importez avec --event SLUG",
    }
    created_event_by_import(slug: &str, start: &str, end: &str, zone: &str) {
        en: "Created event {slug} ({start} → {end}, {zone}); it is now the current event.",
        fr: "Événement {slug} créé ({start} → {end}, {zone})\u{a0}; c’est maintenant l’événement courant.",
    }
    no_talk_within(count: usize, slug: &str, start: &str, end: &str, from: &str, to: &str) {
        en: "none of the {count} talks falls within {slug} ({start} to {end}): the schedule runs from {from} to {to}; nothing was imported",
        fr: "aucun des {count} talks ne tombe dans {slug} (du {start} au {end})\u{a0}: le programme va du {from} au {to}\u{a0}; rien n’a été importé",
    }
    no_talk_within_other_dates(count: usize, slug: &str, start: &str, end: &str) {
        en: "none of the {count} talks falls within {slug} ({start} to {end}): the schedule runs on other dates; nothing was imported",
        fr: "aucun des {count} talks ne tombe dans {slug} (du {start} au {end})\u{a0}: le programme est à d’autres dates\u{a0}; rien n’a été importé",
    }
    hint_other_edition() {
        en: "for another edition, create its event first (notes event add NAME --start … --end …) and import with --event SLUG",
        fr: "pour une autre édition, créez d’abord son événement (notes event add NAME --start … --end …) et importez avec --event SLUG",
    }
    zone_of_places(zone: &str) {
        en: "Time zone: {zone}, the zone of the city the schedule's places name (pass --tz to choose another).",
        fr: "Fuseau horaire\u{a0}: {zone}, celui de la ville que nomment les lieux du programme (passez --tz pour en choisir un autre).",
    }
    zone_utc_no_city() {
        en: "the schedule gives its times in UTC and names no city: times are shown in UTC (pass --tz, e.g. --tz Europe/Paris)",
        fr: "le programme donne ses horaires en UTC et ne nomme aucune ville\u{a0}: les horaires sont affichés en UTC (passez --tz, par ex. --tz Europe/Paris)",
    }
    zone_unreliable(zone: &str) {
        en: "the schedule does not name its time zone reliably; times are shown in {zone} (pass --tz, e.g. --tz Europe/Paris)",
        fr: "le programme ne nomme pas son fuseau horaire de façon fiable\u{a0}; les horaires sont affichés en {zone} (passez --tz, par ex. --tz Europe/Paris)",
    }
    imported(total: usize, source: &str, format: &str, slug: &str, added: usize, updated: usize, unchanged: usize, removed: usize) {
        en: "Imported {total} talks from {source} ({format}) into {slug}: {added} added, {updated} updated, {unchanged} unchanged, {removed} removed from schedule.",
        fr: "{total} talks importés de {source} ({format}) dans {slug}\u{a0}: {added} ajoutés, {updated} mis à jour, {unchanged} inchangés, {removed} retirés du programme.",
    }
    one_followed() {
        en: "One of your sessions followed the schedule's changes.",
        fr: "Une de vos sessions a suivi les changements du programme.",
    }
    some_followed(count: usize) {
        en: "{count} of your sessions followed the schedule's changes.",
        fr: "{count} de vos sessions ont suivi les changements du programme.",
    }
    one_flagged() {
        en: "One of your sessions is no longer in the schedule: kept, and marked removed_from_schedule.",
        fr: "Une de vos sessions n’est plus au programme\u{a0}: conservée, et marquée removed_from_schedule.",
    }
    some_flagged(count: usize) {
        en: "{count} of your sessions are no longer in the schedule: kept, and marked removed_from_schedule.",
        fr: "{count} de vos sessions ne sont plus au programme\u{a0}: conservées, et marquées removed_from_schedule.",
    }
    talks_outside_days(count: usize, start: &str, end: &str) {
        en: "{count} talks fall outside the event's days ({start} to {end}) and were left out; widen the event with `notes event edit --start … --end …`.",
        fr: "{count} talks tombent hors des jours de l’événement (du {start} au {end}) et sont laissés de côté\u{a0}; élargissez l’événement avec `notes event edit --start … --end …`.",
    }

    // Schedules that do not read (src/import/).
    import_too_big(megabytes: usize) {
        en: "the file is over {megabytes} MB; real schedules are a few MB at most, so this is not one",
        fr: "le fichier dépasse {megabytes} Mo\u{a0}; un vrai programme fait quelques Mo au plus, ce n’en est donc pas un",
    }
    import_empty() { en: "the file is empty", fr: "le fichier est vide" }
    import_binary() { en: "the file is binary, not a schedule", fr: "le fichier est binaire, ce n’est pas un programme" }
    import_unknown_format() {
        en: "not a schedule notes can read: expected iCalendar (.ics), a pretalx/c3voc schedule.json or a frab schedule.xml",
        fr: "pas un programme que notes sait lire\u{a0}: attendu de l’iCalendar (.ics), un schedule.json pretalx/c3voc ou un schedule.xml frab",
    }
    import_unreadable(format: &str, detail: &str) {
        en: "not a readable {format}: {detail}",
        fr: "{format} illisible\u{a0}: {detail}",
    }
    import_invalid_calendar() { en: "invalid iCalendar", fr: "iCalendar invalide" }
    import_invalid_calendar_at(line: usize) {
        en: "invalid iCalendar: it stops making sense at line {line} (of the unfolded text)",
        fr: "iCalendar invalide\u{a0}: il cesse d’avoir un sens à la ligne {line} (du texte déplié)",
    }
    import_too_deep(depth: usize) {
        en: "calendar components are nested more than {depth} deep; this is not a schedule",
        fr: "les composants du calendrier sont imbriqués sur plus de {depth} niveaux\u{a0}; ce n’est pas un programme",
    }
    import_no_talks(format: &str) { en: "the {format} file holds no talks", fr: "le fichier {format} ne contient aucun talk" }
    import_not_utf8() {
        en: "the file is not valid UTF-8; unreadable characters were replaced",
        fr: "le fichier n’est pas de l’UTF-8 valide\u{a0}; les caractères illisibles ont été remplacés",
    }
    import_bad_years(count: usize) {
        en: "{count} talks are dated outside the years 1 to 9998 and were left out",
        fr: "{count} talks sont datés hors des années 1 à 9998 et sont laissés de côté",
    }
    import_ics_skipped(count: usize) {
        en: "{count} entries without a title, a time, or that were cancelled, all-day, were skipped",
        fr: "{count} entrées sans titre ni heure, annulées ou sur toute la journée, ont été ignorées",
    }
    import_zone_unknown(zone: &str) {
        en: "unknown time zone '{zone}': its times were read in the event's zone",
        fr: "fuseau horaire inconnu '{zone}'\u{a0}: ses horaires sont lus dans le fuseau de l’événement",
    }
    import_skipped(count: usize) {
        en: "{count} events without a title or a time were skipped",
        fr: "{count} entrées sans titre ou sans heure ont été ignorées",
    }

    // notes event …
    invalid_slug(slug: &str) { en: "invalid slug '{slug}'", fr: "slug invalide '{slug}'" }
    slug_rule() {
        en: "a slug is lower-case ASCII letters, digits and dashes, and not a device name (con, nul, com1…)",
        fr: "un slug est fait de lettres ASCII minuscules, de chiffres et de tirets, et n’est pas un nom de périphérique (con, nul, com1…)",
    }
    slug_rule_example(suggestion: &str) {
        en: "a slug is lower-case ASCII letters, digits and dashes, and not a device name (con, nul, com1…), e.g. '{suggestion}'",
        fr: "un slug est fait de lettres ASCII minuscules, de chiffres et de tirets, et n’est pas un nom de périphérique (con, nul, com1…), par ex. '{suggestion}'",
    }
    no_file_name(name: &str) {
        en: "cannot make a file name from '{name}'",
        fr: "impossible de tirer un nom de fichier de '{name}'",
    }
    hint_pass_slug() { en: "pass --slug, e.g. --slug devconf-2025", fr: "passez --slug, par ex. --slug devconf-2025" }
    created_event(slug: &str, start: &str, end: &str, days: u32, zone: &str) {
        en: "Created event {slug} ({start} → {end}, {days} days, {zone}). It is now the current event.",
        fr: "Événement {slug} créé ({start} → {end}, {days} jours, {zone}). C’est maintenant l’événement courant.",
    }
    updated_event(slug: &str) { en: "Updated event {slug}", fr: "Événement {slug} modifié" }
    current_event(slug: &str) { en: "Current event: {slug}", fr: "Événement courant\u{a0}: {slug}" }
    no_events_yet() {
        en: "No events yet. Create one: notes event add \"KubeCon Europe 2024\" --start 2024-03-19 --end 2024-03-22",
        fr: "Aucun événement pour l’instant. Créez-en un\u{a0}: notes event add \"KubeCon Europe 2024\" --start 2024-03-19 --end 2024-03-22",
    }
    hint_end_is_last_day() { en: "--end is the last day of the event", fr: "--end est le dernier jour de l’événement" }
    ends_before_start(start: &str, end: &str) {
        en: "the event ends ({end}) before it starts ({start})",
        fr: "l’événement finit ({end}) avant de commencer ({start})",
    }
    too_many_days(days: i64, max: i64) {
        en: "the event would last {days} days; notes keeps events of at most {max} days",
        fr: "l’événement durerait {days} jours\u{a0}; notes garde des événements de {max} jours au plus",
    }

    // notes list, filter, show
    no_schedule_for(slug: &str) {
        en: "No schedule for {slug}: import one with `notes import schedule.ics`.",
        fr: "Pas de programme pour {slug}\u{a0}: importez-en un avec `notes import schedule.ics`.",
    }
    no_reference(reference: &str) {
        en: "no talk with reference '{reference}' in the schedule",
        fr: "aucun talk de référence '{reference}' dans le programme",
    }
    hint_list_references() {
        en: "notes list --schedule shows the references",
        fr: "notes list --schedule affiche les références",
    }
    ambiguous_reference(reference: &str, count: usize) {
        en: "'{reference}' matches {count} talks",
        fr: "'{reference}' correspond à {count} talks",
    }
    hint_more_characters(examples: &str) {
        en: "use more characters, e.g. {examples}",
        fr: "tapez plus de caractères, par ex. {examples}",
    }

    // notes export
    wrote(path: &str) { en: "Wrote {path}", fr: "{path} écrit" }
    wrote_posts(count: usize, dir: &str) { en: "Wrote {count} posts to {dir}", fr: "{count} articles écrits dans {dir}" }
    already_exists(path: &str) { en: "{path} already exists", fr: "{path} existe déjà" }
    hint_force() { en: "pass --force to overwrite it", fr: "passez --force pour l’écraser" }
    no_day_asked(slug: &str) {
        en: "no day of {slug} is the one asked for",
        fr: "aucun jour de {slug} ne correspond à la demande",
    }
    hint_days_run(start: &str, end: &str) {
        en: "its days run from {start} to {end}",
        fr: "ses jours vont du {start} au {end}",
    }
    builtin_template() { en: "built-in template", fr: "modèle intégré" }

    // Session fields (add, edit).
    session_ends_before_start(at: &str, end: &str) {
        en: "the session ends ({end}) before it starts ({at})",
        fr: "la session finit ({end}) avant de commencer ({at})",
    }
    hint_check_at_end() { en: "check --at and --end", fr: "vérifiez --at et --end" }
    day_and_at_disagree(day: u32, day_of_at: u32) {
        en: "--day {day} and --at (on day {day_of_at}) disagree",
        fr: "--day {day} et --at (le jour {day_of_at}) ne concordent pas",
    }
    hint_one_or_clock() {
        en: "give one of them, or a time without a date: --at HH:MM",
        fr: "donnez l’un des deux, ou une heure sans date\u{a0}: --at HH:MM",
    }
    not_a_day_of(date: &str, event: &str, start: &str, end: &str) {
        en: "{date} is not a day of {event} ({start} to {end})",
        fr: "le {date} n’est pas un jour de {event} (du {start} au {end})",
    }
    hint_time_on_a_day() {
        en: "give a time on one of the event's days",
        fr: "donnez une heure sur l’un des jours de l’événement",
    }

    // Journal files (src/store/).
    journal_not_a_dir() {
        en: "the journal path is not a directory (check --dir and NOTES_DIR)",
        fr: "le chemin du journal n’est pas un dossier (vérifiez --dir et NOTES_DIR)",
    }
    file_changed_while_editing() {
        en: "the file changed while you were editing it; nothing was saved",
        fr: "le fichier a changé pendant que vous le modifiiez\u{a0}; rien n’a été enregistré",
    }
    the_new_event() { en: "the new event", fr: "le nouvel événement" }
    the_event() { en: "the event", fr: "l’événement" }
    the_schedule() { en: "the schedule", fr: "le programme" }
    the_new_session(title: &str) { en: "the new session \"{title}\"", fr: "la nouvelle session \"{title}\"" }
    session_number(id: u32) { en: "session #{id}", fr: "la session #{id}" }
    the_days_notes() { en: "the day's notes", fr: "les notes du jour" }
    session_without_id() {
        en: "a session without an id, or with one that is not a whole number",
        fr: "une session sans numéro, ou avec un numéro qui n’est pas un entier",
    }
    not_a_session_id(id: i64) {
        en: "{id} is not a session id (ids start at 1)",
        fr: "{id} n’est pas un numéro de session (les numéros commencent à 1)",
    }
    same_id_twice(id: i64) { en: "two sessions have id {id}", fr: "deux sessions ont le numéro {id}" }
    session_without_day() {
        en: "a session without a day, or with one that is not a whole number",
        fr: "une session sans jour, ou avec un jour qui n’est pas un entier",
    }
    empty_sessions_table() { en: "an empty [[sessions]] table", fr: "une table [[sessions]] vide" }
    unreadable_session() { en: "unreadable session", fr: "session illisible" }
    id_cannot_change() { en: "a session's id cannot change", fr: "le numéro d’une session ne peut pas changer" }
    ids_exhausted(max: u32) {
        en: "session ids go up to {max}: renumber the sessions to add one",
        fr: "les numéros de session vont jusqu’à {max}\u{a0}: renumérotez les sessions pour en ajouter une",
    }
    outside_new_dates(what: &str, day: u32, date: &str, start: &str, end: &str) {
        en: "{what} (day {day}, {date}) would fall outside the new dates ({start} to {end}); nothing changed",
        fr: "{what} (jour {day}, {date})\u{a0}: hors des nouvelles dates (du {start} au {end})\u{a0}; rien n’a changé",
    }
    hint_remove_day_notes(day: u32) {
        en: "remove them first: notes day {day} --label \"\" --intro \"\" --conclusion \"\"",
        fr: "retirez-les d’abord\u{a0}: notes day {day} --label \"\" --intro \"\" --conclusion \"\"",
    }
    hint_move_or_delete(id: u32) {
        en: "move it first (notes edit {id} --day N) or delete it (notes rm {id})",
        fr: "déplacez-la d’abord (notes edit {id} --day N) ou supprimez-la (notes rm {id})",
    }
    detached_table() {
        en: "this table belongs to the [[sessions]] above it but stands apart, after another table: move it right under its session (notes edits sessions one by one)",
        fr: "cette table appartient à la [[sessions]] au-dessus mais en est séparée, après une autre table\u{a0}: placez-la juste sous sa session (notes modifie les sessions une par une)",
    }
    sessions_not_tables() {
        en: "sessions must be written as [[sessions]] tables",
        fr: "les sessions s’écrivent en tables [[sessions]]",
    }
    event_timezone_unknown(zone: &str) {
        en: "[event] timezone: unknown time zone '{zone}' (expected an IANA name like Europe/Paris)",
        fr: "[event] timezone\u{a0}: fuseau horaire inconnu '{zone}' (attendu un nom IANA comme Europe/Paris)",
    }
    event_start_not_a_date() {
        en: "[event] start must be a date like 2024-03-19",
        fr: "[event] start doit être une date comme 2024-03-19",
    }
    event_end_not_a_date() {
        en: "[event] end must be a date like 2024-03-22",
        fr: "[event] end doit être une date comme 2024-03-22",
    }
    event_dates(problem: &str) { en: "[event] start and end: {problem}", fr: "[event] start et end\u{a0}: {problem}" }
    day_key_not_a_number(key: &str) {
        en: "[days.{key}]: a day is a number, like [days.2]",
        fr: "[days.{key}]\u{a0}: un jour est un nombre, comme [days.2]",
    }
    not_a_datetime(key: &str) {
        en: "{key} must be a date and time like 2024-03-20T11:00:00+01:00",
        fr: "{key} doit être une date et heure comme 2024-03-20T11:00:00+01:00",
    }
    session_without_number(title: &str) {
        en: "the session \"{title}\" has no id (ids start at 1)",
        fr: "la session \"{title}\" n’a pas de numéro (les numéros commencent à 1)",
    }
    in_session(id: u32, problem: &str) { en: "session #{id}: {problem}", fr: "session #{id}\u{a0}: {problem}" }
    in_talk(title: &str, problem: &str) { en: "talk \"{title}\": {problem}", fr: "talk \"{title}\"\u{a0}: {problem}" }
    verdict_key_invalid(key: &str) {
        en: "[[verdicts]] key \"{key}\": use lower-case letters, digits and dashes, like \"must-read\"",
        fr: "[[verdicts]] key \"{key}\"\u{a0}: utilisez des lettres minuscules, des chiffres et des tirets, comme \"must-read\"",
    }
    verdict_key_builtin(key: &str, builtin: &str) {
        en: "[[verdicts]] key \"{key}\" is the built-in \"{builtin}\": use that key to relabel it",
        fr: "[[verdicts]] key \"{key}\" est le verdict intégré \"{builtin}\"\u{a0}: utilisez cette clé pour le renommer",
    }
    edited_session() { en: "edited session", fr: "session modifiée" }
    /// The first line of a session opened in the editor (a comment).
    editing_session(id: u32, slug: &str) {
        en: "Session #{id} of {slug}. Save and close to apply; empty the file to cancel.",
        fr: "Session #{id} de {slug}. Enregistrez et fermez pour appliquer\u{a0}; videz le fichier pour annuler.",
    }
    unknown_field(key: &str) { en: "unknown field `{key}`", fr: "champ inconnu `{key}`" }
    unknown_field_did_you_mean(key: &str, suggestion: &str) {
        en: "unknown field `{key}` (did you mean `{suggestion}`?)",
        fr: "champ inconnu `{key}` (vouliez-vous dire `{suggestion}`\u{a0}?)",
    }
    session_id_cannot_change() { en: "the id cannot be changed", fr: "le numéro ne peut pas être changé" }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The names inside `{…}` of a format string (`{{` is a brace).
    fn placeholders(text: &str) -> BTreeSet<String> {
        let mut names = BTreeSet::new();
        let mut rest = text.replace("{{", "").replace("}}", "");
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
            let inside = &rest[open + 1..close];
            names.insert(inside.split(':').next().unwrap_or_default().to_string());
            rest = rest[close.min(rest.len())..].trim_start_matches('}').to_string();
        }
        names
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        let mut names = BTreeSet::new();
        for (name, en, fr) in CATALOGUE {
            assert!(names.insert(*name), "{name} is defined twice");
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{name} is empty in a language");
            assert_ne!(en, fr, "{name} is not translated");
            assert_eq!(placeholders(en), placeholders(fr), "{name} does not say the same things in both languages");
        }
        assert!(CATALOGUE.len() > 100);
    }

    #[test]
    fn french_spaces_its_punctuation() {
        for (name, _, fr) in CATALOGUE {
            for mark in [':', ';', '?', '!'] {
                for (at, _) in fr.match_indices(mark) {
                    let before = fr[..at].chars().next_back();
                    // `--at HH:MM`, `::`, "{x:?}" and times are not punctuation.
                    let after = fr[at + 1..].chars().next();
                    let punctuation = after.is_none_or(|c| c == ' ' || c == '\n' || c == ')' || c == '\u{a0}');
                    if punctuation {
                        assert_eq!(before, Some('\u{a0}'), "{name}: no non-breaking space before '{mark}' in {fr:?}");
                    }
                }
            }
            // A straight quote marks a value ('{slug}'); an apostrophe is ’.
            for (at, _) in fr.match_indices('\'') {
                let quotes = fr[at + 1..].starts_with('{') || fr[..at].ends_with('}');
                assert!(quotes, "{name}: a straight apostrophe in {fr:?}");
            }
        }
    }

    #[test]
    fn messages_fill_in_their_values() {
        assert_eq!(jotted(Lang::En, 3, "Keynote"), "Jotted to #3 Keynote");
        assert_eq!(jotted(Lang::Fr, 3, "Keynote"), "Noté dans #3 Keynote");
        let text = Text::new(|lang| unknown_session(lang, 4, "kubecon"));
        assert_eq!(text.get(Lang::Fr), "aucune session #4 dans kubecon");
        assert_eq!(text.to_string(), "no session #4 in kubecon");
    }
}
