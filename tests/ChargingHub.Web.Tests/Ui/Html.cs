using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ChargingHub.Web.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChargingHub.Web.Tests.Ui;

/// <summary>
/// Renders components with the framework's HtmlRenderer and finds things in the HTML the way a person (or a screen
/// reader) does: by label, role, name and text, not by CSS classes.
/// </summary>
public static class Html
{
    public const string AntiforgeryToken = "test-antiforgery-token";

    public static async Task<IDocument> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new ComponentHtml(provider, provider.GetRequiredService<ILoggerFactory>());
        var markup = await renderer.RenderAsync<TComponent>(parameters);
        return await ParseAsync(markup);
    }

    public static async Task<IDocument> ParseAsync(string markup) => await new HtmlParser().ParseDocumentAsync(markup);

    /// <summary>The form control a &lt;label&gt; with this text names.</summary>
    public static IElement Labelled(this IParentNode root, string labelText)
    {
        var label = root.QuerySelectorAll("label").SingleOrDefault(l => Normalize(l.TextContent).StartsWith(labelText, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No label '{labelText}' in:\n{(root as IElement)?.OuterHtml ?? (root as IDocument)?.Body?.OuterHtml}");
        var id = label.GetAttribute("for") ?? throw new InvalidOperationException($"Label '{labelText}' names no control.");
        return ((root as IDocument) ?? ((IElement)root).Owner!).GetElementById(id)
            ?? throw new InvalidOperationException($"Label '{labelText}' points at missing #{id}.");
    }

    /// <summary>Buttons (button elements) whose accessible name is exactly <paramref name="name"/>.</summary>
    public static IReadOnlyList<IElement> Buttons(this IParentNode root, string name) =>
        root.QuerySelectorAll("button").Where(b => NameOf(b) == name).ToList();

    public static IReadOnlyList<IElement> Links(this IParentNode root, string name) =>
        root.QuerySelectorAll("a[href]").Where(a => NameOf(a) == name).ToList();

    /// <summary>The list item labelled by a heading with this text (aria-labelledby).</summary>
    public static IElement Item(this IDocument document, string heading) =>
        document.QuerySelectorAll("li[aria-labelledby]").Single(li =>
            Normalize(document.GetElementById(li.GetAttribute("aria-labelledby")!)?.TextContent).StartsWith(heading, StringComparison.Ordinal));

    /// <summary>The text that aria-describedby points at.</summary>
    public static string Description(this IElement element) =>
        string.Join(" ", (element.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => Normalize(element.Owner!.GetElementById(id)?.TextContent)));

    public static string Text(this INode node) => Normalize(node.TextContent);

    private static string NameOf(IElement element) => element.GetAttribute("aria-label") ?? Normalize(element.TextContent);

    private static string Normalize(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new(AntiforgeryToken, "__RequestVerificationToken");
    }
}
