using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ShanxiIdentity.Web.Tests.Hosting;

/// <summary>
/// Two portal processes (the built app, as operators run it) on one database, behind an nginx of
/// the test's own that terminates TLS and balances round-robin, as docs/operations.md describes.
/// Every response carries <c>X-Upstream</c>, the instance that served it.
/// </summary>
public sealed class LoadBalancedPortal : IAsyncDisposable
{
    private readonly string _work;
    private readonly List<Process> _processes = [];

    private LoadBalancedPortal(string work) => _work = work;

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<int> InstancePorts { get; private set; } = [];

    public static async Task<LoadBalancedPortal> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var portal = new LoadBalancedPortal(Directory.CreateTempSubdirectory("shanxi-lb-").FullName);
        try
        {
            var first = FreePort();
            var second = FreePort();
            portal.InstancePorts = [first, second];

            // The address in front is the single sign-on issuer, which outside Development must be set.
            portal.Address = new Uri($"https://127.0.0.1:{FreePort()}");

            // The first instance migrates; the second starts on the migrated database, as in production.
            await portal.StartInstanceAsync(first, settings, migrate: true);
            await portal.StartInstanceAsync(second, settings, migrate: false);
            portal.StartNginx(first, second);
            await portal.WaitForAsync(portal.Address, "/healthz");
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client that trusts the test's own certificate, keeps cookies, and does not follow redirects.</summary>
    public HttpClient NewClient(DelegatingHandler recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        recorder.InnerHandler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        return new HttpClient(recorder) { BaseAddress = Address };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }

        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held by a dying process; the temp folder is cleaned by the OS.
        }
    }

    private async Task StartInstanceAsync(int port, IReadOnlyDictionary<string, string> settings, bool migrate)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(PortalProcess.WebAssemblyPath());
        start.WorkingDirectory = Path.GetDirectoryName(PortalProcess.WebAssemblyPath())!;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__MigrateOnStartup"] = migrate ? "true" : "false";
        start.Environment["SingleSignOn__Issuer"] = Address + "/";
        start.Environment["Logging__Directory"] = Path.Combine(_work, $"logs-{port}");
        start.Environment["Logging__Console"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        _processes.Add(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitForAsync(new Uri($"http://127.0.0.1:{port}"), "/readyz");
    }

    private void StartNginx(int first, int second)
    {
        var port = Address.Port;
        WriteCertificate();
        var root = Environment.UserName == "root" ? "user root;" : string.Empty;
        File.WriteAllText(Path.Combine(_work, "nginx.conf"), $$"""
            {{root}}
            worker_processes 1;
            pid {{_work}}/nginx.pid;
            error_log {{_work}}/nginx-error.log;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{_work}}/body;
                proxy_temp_path {{_work}}/proxy;
                fastcgi_temp_path {{_work}}/fastcgi;
                uwsgi_temp_path {{_work}}/uwsgi;
                scgi_temp_path {{_work}}/scgi;
                client_max_body_size 8m;
                upstream portal {
                    server 127.0.0.1:{{first}};
                    server 127.0.0.1:{{second}};
                }
                server {
                    listen 127.0.0.1:{{port}} ssl;
                    ssl_certificate {{_work}}/cert.pem;
                    ssl_certificate_key {{_work}}/key.pem;
                    location / {
                        proxy_pass http://portal;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        add_header X-Upstream $upstream_addr always;
                    }
                }
            }
            """);
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var start = new ProcessStartInfo(nginx) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-p", _work, "-c", Path.Combine(_work, "nginx.conf"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        _processes.Add(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void WriteCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(_work, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_work, "key.pem"), key.ExportPkcs8PrivateKeyPem());
    }

    private async Task WaitForAsync(Uri address, string path)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            if (DateTime.UtcNow > deadline || _processes.Any(p => p.HasExited))
            {
                throw new InvalidOperationException($"{address}{path} did not come up; nginx said: {ReadNginxErrors()}");
            }

            await Task.Delay(200);
        }
    }

    private string ReadNginxErrors()
    {
        var path = Path.Combine(_work, "nginx-error.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no log)";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
