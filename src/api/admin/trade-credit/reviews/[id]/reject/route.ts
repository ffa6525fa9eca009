import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rejectCreditReviewWorkflow } from "../../../../../../workflows"
import { fetchReview } from "../../../../../utils/reviews"
import { adminActorOf } from "../../../../../utils/request-context"
import type { AdminDecideReviewType } from "../../../validators"

/** Refuses a held order: it is canceled and no credit moves. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminDecideReviewType>, res: MedusaResponse) => {
  const actor = await adminActorOf(req)
  await rejectCreditReviewWorkflow(req.scope).run({
    input: { review_id: req.params.id, comment: req.validatedBody.comment, actor },
  })
  res.json({ review: await fetchReview(req.scope, req.params.id) })
}
