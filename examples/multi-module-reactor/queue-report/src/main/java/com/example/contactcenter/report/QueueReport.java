package com.example.contactcenter.report;

import com.example.contactcenter.api.GenesysApi;
import java.net.http.HttpResponse;

/** Run by exec-maven-plugin in package; a real report would page through /api/v2/routing/queues. */
public final class QueueReport {
    public static void main(String[] args) throws Exception {
        HttpResponse<String> me = GenesysApi.fromEnvironment().get("/api/v2/tokens/me");
        System.out.println("Queue report: GET /api/v2/tokens/me answered " + me.statusCode());
        if (me.statusCode() != 200) {
            System.exit(1);
        }
    }
}
