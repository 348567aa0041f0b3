using System.Diagnostics;

namespace ShanxiIdentity.Benchmark;

/// <summary>An nginx of the benchmark's own (Debian's) in front of pairs of instances, round-robin, as docs/operations.md deploys it (TLS left out: both sides would pay it alike).</summary>
internal static class Nginx
{
    public static Process Start(string work, params (int Port, ServerProcess First, ServerProcess Second)[] fronts)
    {
        var root = Environment.UserName == "root" ? "user root;" : string.Empty;
        var servers = string.Concat(fronts.Select((f, i) => $$"""
                upstream portal{{i}} {
                    server {{f.First.Address.Authority}};
                    server {{f.Second.Address.Authority}};
                    keepalive 32;
                }
                server {
                    listen 127.0.0.1:{{f.Port}};
                    location / {
                        proxy_pass http://portal{{i}};
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                    }
                }

            """));
        File.WriteAllText(Path.Combine(work, "nginx.conf"), $$"""
            {{root}}
            worker_processes 1;
            pid {{work}}/nginx.pid;
            error_log {{work}}/nginx-error.log;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{work}}/body;
                proxy_temp_path {{work}}/proxy;
                fastcgi_temp_path {{work}}/fastcgi;
                uwsgi_temp_path {{work}}/uwsgi;
                scgi_temp_path {{work}}/scgi;
            {{servers}}
            }
            """);
        var start = new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-p", work, "-c", Path.Combine(work, "nginx.conf"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task WaitAsync(Uri address)
    {
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await probe.GetAsync(new Uri("/healthz", UriKind.Relative)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // nginx not listening yet
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new TimeoutException("nginx did not answer at " + address);
    }
}
