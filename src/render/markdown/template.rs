//! Rendering a post with minijinja: the built-in template, or the user's.

use minijinja::{Environment, UndefinedBehavior};

use super::Post;
use crate::error::TemplateError;

/// The built-in template, printed by `--print-template`.
pub const BUILTIN_TEMPLATE: &str = include_str!("templates/post.md.j2");

/// A template's source and the name its errors are reported under.
pub struct Template<'a> {
    pub name: &'a str,
    pub source: &'a str,
}

/// Renders `post` with `template`. Errors name the template, line and problem.
pub fn render(post: &Post, template: &Template<'_>) -> Result<String, TemplateError> {
    let mut env = Environment::new();
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .map_err(|e| describe(&e, template))?,
    );
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Templates cannot loop forever; they cannot read files either, as no
    // loader is configured.
    env.set_fuel(Some(50_000_000));
    env.add_template(template.name, template.source).map_err(|e| describe(&e, template))?;
    let compiled = env.get_template(template.name).map_err(|e| describe(&e, template))?;
    let out = compiled.render(minijinja::value::Serde(post)).map_err(|e| describe(&e, template))?;
    Ok(format!("{}\n", out.trim_end()))
}

fn describe(err: &minijinja::Error, template: &Template<'_>) -> TemplateError {
    TemplateError {
        template: template.name.to_string(),
        line: err.line(),
        problem: err.kind().to_string(),
        detail: err.detail().map(str::to_string),
    }
}
