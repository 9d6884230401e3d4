"""PyTorch peer of NetCanvas's throughput benchmark: the same networks, data shapes, mini-batch sizes and
optimizer (Adam), on the CPU with threads = cores (or on CUDA where a job says "device": "cuda"). Reads a JSON job on stdin, prints JSON results.
Run by bench/run.ts with Debian's /usr/bin/python3 (python3-torch)."""
import json
import os
import statistics
import sys
import time

import torch


def build(widths, output):
    layers = []
    for i in range(1, len(widths)):
        layers.append(torch.nn.Linear(widths[i - 1], widths[i]))
        if i < len(widths) - 1:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def measure(job):
    torch.manual_seed(0)
    device = torch.device(job.get("device", "cpu"))
    widths, batch, m = job["widths"], job["batch"], job["m"]
    out = widths[-1]
    x = torch.rand(m, widths[0], device=device)
    if job["output"] == "sigmoid":
        y = torch.randint(0, 2, (m, 1), device=device).float()
        loss_fn = torch.nn.BCEWithLogitsLoss()
    else:
        y = torch.randint(0, out, (m,), device=device)
        loss_fn = torch.nn.CrossEntropyLoss()
    net = build(widths, job["output"]).to(device)
    opt = torch.optim.Adam(net.parameters(), lr=0.001)
    batch = m if batch == "full" else batch

    def updates(n):
        done = 0
        while done < n:
            perm = torch.randperm(m, device=device)
            for start in range(0, m, batch):
                idx = perm[start:start + batch]
                opt.zero_grad(set_to_none=True)
                loss = loss_fn(net(x[idx]), y[idx])
                loss.backward()
                opt.step()
                done += 1
                if done >= n:
                    break

    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize()

    updates(job["warmup"])
    sync()
    rates = []
    for _ in range(job["repeats"]):
        start = time.perf_counter()
        updates(job["updates"])
        sync()
        rates.append(job["updates"] / (time.perf_counter() - start))
    return {"id": job["id"], "updatesPerSecond": rates}


def main():
    jobs = json.load(sys.stdin)
    torch.set_num_threads(os.cpu_count() or 1)
    results = [measure(job) for job in jobs]
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "results": results}))


if __name__ == "__main__":
    main()
