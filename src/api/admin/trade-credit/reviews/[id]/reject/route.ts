import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rejectCreditReviewWorkflow } from "../../../../../../workflows"
import { fetchReview } from "../../../../../utils/reviews"
import { adminActorOf } from "../../../../../utils/request-context"
import type { AdminDecideReviewType } from "../../../validators"
import type { AdminReviewResponse } from "../../../../../../types/http"

/** Refuses a held order: it is canceled and no credit moves. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminDecideReviewType>, res: MedusaResponse<AdminReviewResponse>) => {
  const actor = await adminActorOf(req)
  await rejectCreditReviewWorkflow(req.scope).run({
    input: { review_id: req.params.id, comment: req.validatedBody.comment, actor },
  })
  res.json({ review: await fetchReview(req.scope, req.params.id) })
}
