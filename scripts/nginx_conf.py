"""nginx over several app servers on loopback, with a configuration of its own: the page
benchmark's --nginx (scripts/bench_pages.py) and the test of several app servers
(tests/core/test_many_machines.py) start the same one. No system configuration is touched."""
from __future__ import annotations

import os
from pathlib import Path


def nginx_config(folder: Path, port: int, upstreams: list[int]) -> Path:
    """nginx.conf in `folder` (with its pid, logs and temporary files): 127.0.0.1:port, round
    robin over the app servers on these ports, keeping connections to them open."""
    servers = "\n".join(f"        server 127.0.0.1:{p};" for p in upstreams)
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = folder / "nginx.conf"
    conf.write_text(f"""{user}worker_processes auto;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    upstream talentkb {{
{servers}
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://talentkb;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 60s;
        }}
    }}
}}
""")
    return conf
