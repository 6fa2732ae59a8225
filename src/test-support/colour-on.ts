/**
 * The Ink tests' terminal: colour on, as on a real one (the runner has no TTY, which would hide
 * colour and so every "no colour with NO_COLOR" difference). These files share their workers'
 * modules, and chalk fixes its colour level when first imported: so this runs before any file's
 * imports, and a NO_COLOR in the developer's shell does not leak in.
 */
process.env.FORCE_COLOR = '1';
delete process.env.NO_COLOR;
