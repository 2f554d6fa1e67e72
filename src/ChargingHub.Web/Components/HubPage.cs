using ChargingHub.Web.Ui;
using Microsoft.AspNetCore.Components;

namespace ChargingHub.Web.Components;

/// <summary>Base of the pages: the request (static server rendering always has one) and the signed-in member.</summary>
public abstract class HubPage : ComponentBase
{
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    /// <summary>The signed-in member; every page but the sign-in page requires one.</summary>
    protected HubUser CurrentUser => HubUser.From(HttpContext?.User)
        ?? throw new InvalidOperationException("This page requires a signed-in member.");

    protected CancellationToken Aborted => HttpContext?.RequestAborted ?? CancellationToken.None;
}
