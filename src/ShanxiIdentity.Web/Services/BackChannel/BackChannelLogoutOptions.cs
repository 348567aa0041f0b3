namespace ShanxiIdentity.Web.Services.BackChannel;

/// <summary>How logout tokens are delivered to client systems (<c>SingleSignOn:BackChannelLogout</c>).</summary>
public sealed class BackChannelLogoutOptions
{
    public const string Section = "SingleSignOn:BackChannelLogout";

    /// <summary>How often an instance looks for rows other instances wrote (its own wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claim lasts; more than <see cref="CallTimeout"/>.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 20;

    /// <summary>One POST to a client system, at most.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after a failed try, doubled after each further failure up to <see cref="LongestWait"/>.</summary>
    public TimeSpan FirstWait { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LongestWait { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Tries before the delivery is given up (and shown on the client's page in 接入系统).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The logout token's lifetime (its <c>exp</c>): short, a token is made afresh at each try.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long delivered and given-up rows are kept (the retention task deletes them after).</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Whether a logout address may reach the portal's own host (development: the 我的办件 sample on localhost).</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>
    /// Whether a logout address may reach a private network (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7):
    /// set it where the client systems live on the 政务外网. Link-local (cloud metadata) is never reached.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
