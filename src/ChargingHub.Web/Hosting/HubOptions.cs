using System.ComponentModel.DataAnnotations;

namespace ChargingHub.Web.Hosting;

/// <summary>Configuration section <c>Hub</c>.</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    /// <summary>Where the SQLite database and the log files live; created if missing.</summary>
    [Required(ErrorMessage = "Hub:DataDirectory must not be empty.")]
    public string DataDirectory { get; set; } = "./data";
}

/// <summary>Configuration section <c>Hub:Ocpp</c> (the unknown-charger and unknown-token policies bind to domain options).</summary>
public sealed class OcppEndpointOptions
{
    public const string Section = "Hub:Ocpp";

    /// <summary>How long the hub waits for a charger's answer to a call it sent.</summary>
    [Range(1, 600, ErrorMessage = "Hub:Ocpp:CallTimeoutSeconds must be a whole number of seconds from 1 to 600.")]
    public int CallTimeoutSeconds { get; set; } = 15;
}

/// <summary>Configuration section <c>Hub:Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Hub:Security";

    /// <summary>A bearer token accepted on the REST API with admin rights.</summary>
    [MinLength(16, ErrorMessage = "Hub:Security:BootstrapApiKey must be at least 16 characters long.")]
    public string? BootstrapApiKey { get; set; }

    /// <summary>The password of the <c>admin</c> user created on first start.</summary>
    [MinLength(8, ErrorMessage = "Hub:Security:BootstrapAdminPassword must be at least 8 characters long.")]
    public string? BootstrapAdminPassword { get; set; }
}
