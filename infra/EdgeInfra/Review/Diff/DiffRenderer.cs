namespace EdgeInfra.Review;

/// <summary>
/// Renders a <see cref="DiffResult"/> for reviewers: the summary first, then the risks (replacements and deletions),
/// then the changes grouped by component, then stack outputs, config and variables. Secrets show as <c>[secret]</c>.
/// </summary>
public static class DiffRenderer
{
    /// <summary>The diff as a pull-request comment in GitHub Markdown, each component group in a collapsible block.</summary>
    public static string Markdown(DiffResult diff, DiffRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return DiffLayout.Render(diff, options ?? DiffRenderOptions.Default, new MarkdownFormat());
    }

    /// <summary>The diff as plain text with Pulumi preview's markers: <c>+</c> create, <c>-</c> delete, <c>~</c> update, <c>+-</c> replace.</summary>
    public static string PlainText(DiffResult diff, DiffRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return DiffLayout.Render(diff, options ?? DiffRenderOptions.Default, new PlainTextFormat());
    }
}
