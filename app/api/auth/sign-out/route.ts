import { endSession } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/api-route";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { name: "/api/auth/sign-out", checkOrigin: true, public: true },
  async () => {
    await endSession();
    return json({ ok: true });
  },
);
