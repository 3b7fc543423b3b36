// Messages of the identity module's office home and the help pages, one guide per role: Vietnamese first; English
// must have every key. (The older identity texts live in the core catalogue.)
export const messagesVi = {
  "office.daily": "Công việc hằng ngày",
  "office.admin": "Quản trị",
  "office.community": "Tổ công nghệ số cộng đồng và sổ hộ",
  "nav.myHouseholds": "Hộ tôi được phân công",
  "nav.fieldApp": "Ứng dụng đi từng nhà (dùng được khi mất sóng)",
  "nav.registry": "Sổ hộ gia đình",
  "nav.registryImports": "Nhập, xuất danh sách hộ (XLSX, CSV)",
  "nav.teams": "Các tổ công nghệ số cộng đồng",
  "nav.visits": "Các lượt hỗ trợ tại nhà",
  "nav.conflicts": "Thay đổi trùng nhau chờ xử lý",
  "nav.coverage": "Mức độ phổ cập kỹ năng số",
  "nav.gaps": "Ai còn cần hỗ trợ gì (danh sách cho đợt đi tới)",
  "nav.campaigns": "Chiến dịch cao điểm",
  "nav.trainings": "Tập huấn",
  "nav.recognition": "Vinh danh",
  "nav.skills": "Danh mục kỹ năng số của tỉnh",
  "office.more": "Khác",
  "office.worklist.assignedToMe": "Hồ sơ giao cho tôi",
  "office.worklist.awaitingApproval": "Hồ sơ chờ tôi phê duyệt",
  "office.search": "Tìm hồ sơ",
  "office.recordReport": "Ghi nhận phản ánh hiện trường cho người dân",
  "office.open311Clients": "Ứng dụng kết nối Open311",
  "home.services.report": "Phản ánh hiện trường",
  "home.services.reportText": "Báo cho xã đường hỏng, cống tắc, rác thải, dây điện đứt…: không cần tài khoản, xã trả lời công khai.",
  "nav.myReports": "Phản ánh của tôi",
  "nav.myNotices": "Cách nhận thông báo của xã",
  "office.help": "Hướng dẫn cho {role}",
  "office.deskOf": "Bộ phận một cửa – {unit}",
  "office.settingsOf": "Cài đặt một cửa – {unit}",

  "help.title": "Hướng dẫn sử dụng",
  "help.intro": "Mỗi hướng dẫn ngắn gọn, theo từng việc cần làm. Chọn hướng dẫn cho vai trò của bạn.",
  "help.yours": "Hướng dẫn cho bạn",
  "help.others": "Các hướng dẫn khác",
  "help.all": "Tất cả hướng dẫn",

  "help.desk.title": "Cán bộ bộ phận một cửa",
  "help.desk.intro": "Bạn tiếp nhận hồ sơ, yêu cầu bổ sung, trả kết quả và thu phí.",
  "help.desk.t1": "Tiếp nhận hồ sơ trực tuyến",
  "help.desk.b1":
    "Vào “Bộ phận một cửa”, hàng đợi “Hồ sơ trực tuyến mới”. Mở hồ sơ, xem đơn và giấy tờ ở đầu trang, rồi bấm “Tiếp nhận hồ sơ”. Nếu thiếu giấy tờ, chọn “Yêu cầu bổ sung hồ sơ” và ghi đủ mọi thứ còn thiếu trong một lần.",
  "help.desk.t2": "Tiếp nhận hồ sơ tại quầy",
  "help.desk.b2": "Bấm “Tiếp nhận hồ sơ trực tiếp”, chọn thủ tục, nhập thông tin người nộp, đính kèm bản quét và in giấy tiếp nhận (Mẫu 01) cho người dân.",
  "help.desk.t3": "Trả kết quả",
  "help.desk.b3":
    "Hàng đợi “Chờ trả kết quả”: xác nhận đã thu phí (nếu có), ghi tên người nhận hoặc mã bưu gửi, đính kèm bản quét kết quả rồi bấm “Trả kết quả”.",
  "help.desk.t4": "Tìm một hồ sơ",
  "help.desk.b4": "Bấm “Tìm hồ sơ” và gõ mã hồ sơ, họ tên (có dấu hay không dấu đều được), số điện thoại hoặc số định danh.",

  "help.specialist.title": "Chuyên viên",
  "help.specialist.intro": "Bạn thẩm định hồ sơ được giao và đề xuất kết quả cho lãnh đạo.",
  "help.specialist.t1": "Xem việc của tôi",
  "help.specialist.b1":
    "“Bộ phận một cửa” mở sẵn danh sách “Giao cho tôi”: hồ sơ quá hạn ở trên cùng, rồi đến hồ sơ có hạn sớm nhất. Bấm “Bản in danh sách này” để in.",
  "help.specialist.t2": "Thẩm định và đề xuất",
  "help.specialist.b2": "Mở hồ sơ, đọc đơn và giấy tờ. Khi đủ điều kiện, ghi ý kiến vào “Trình lãnh đạo”: lãnh đạo sẽ thấy đề xuất này ở đầu trang.",
  "help.specialist.t3": "Cần thêm giấy tờ hoặc ý kiến cơ quan khác",
  "help.specialist.b3": "Dùng “Yêu cầu bổ sung hồ sơ” (một lần, đủ mọi thứ) hoặc “Chuyển cơ quan liên thông” với hạn của bước đó.",

  "help.leader.title": "Lãnh đạo",
  "help.leader.intro": "Bạn phân công, phê duyệt hoặc trả lại, và ký kết quả.",
  "help.leader.t1": "Phê duyệt",
  "help.leader.b1":
    "“Bộ phận một cửa” mở sẵn danh sách “Chờ tôi phê duyệt”. Trên trang hồ sơ, đề xuất của chuyên viên ở đầu trang; bấm “Phê duyệt” và đính kèm kết quả đã ký, hoặc “Trả lại để xử lý lại” kèm lý do.",
  "help.leader.t2": "Phân công",
  "help.leader.b2": "Hồ sơ đã tiếp nhận nằm trong “Đang xử lý”: mở hồ sơ, chọn chuyên viên và bấm “Chuyển xử lý”.",
  "help.leader.t3": "Từ chối, tạm dừng",
  "help.leader.b3":
    "Các việc này nằm riêng ở cuối trang hồ sơ, trong mục “Từ chối, tạm dừng hoặc hủy hồ sơ”. Luôn ghi rõ lý do: người nộp sẽ nhận được lý do đó.",

  "help.volunteer.title": "Tổ công nghệ số cộng đồng",
  "help.volunteer.intro":
    "Bạn đi từng nhà hướng dẫn kỹ năng số, ghi lại từng lượt hỗ trợ (kể cả khi mất sóng) và nộp hồ sơ giúp người dân, với sự đồng ý của họ.",
  "help.volunteer.t1": "Nộp hồ sơ giúp người dân",
  "help.volunteer.b1":
    "Chọn thủ tục trong “Dịch vụ công”, bấm nộp trực tuyến, nhập thông tin của người dân và ghi nhận sự đồng ý của họ (ký, điểm chỉ hoặc đồng ý bằng lời).",
  "help.volunteer.t2": "Theo dõi hồ sơ đã nộp giúp",
  "help.volunteer.b2": "Các hồ sơ bạn nộp giúp nằm trong “Hồ sơ của tôi”. Người dân cũng tra cứu được bằng mã hồ sơ trên giấy hẹn.",
  "help.volunteer.t3": "Cài ứng dụng đi từng nhà trên điện thoại",
  "help.volunteer.b3":
    "Khi có sóng, mở “Ứng dụng đi từng nhà” (/field) một lần và chọn “Thêm vào màn hình chính”. Ứng dụng giữ danh sách hộ bạn được phân công; sau đó mở được cả khi không có sóng.",
  "help.volunteer.t4": "Ghi lượt hỗ trợ khi mất sóng",
  "help.volunteer.b4":
    "Chọn hộ, ghi ai có mặt, kỹ năng đã hướng dẫn và đã thấy người dân tự làm, kết quả và việc lần sau. Lượt hỗ trợ được lưu trên máy, kể cả khi tắt trình duyệt hay tắt máy; khi có sóng lại, ứng dụng tự gửi (hoặc bấm “Đồng bộ ngay”). Không lượt nào bị gửi hai lần.",
  "help.volunteer.t5": "Tổ trưởng: phân công và xử lý thay đổi trùng nhau",
  "help.volunteer.b5":
    "Trong “Các tổ công nghệ số cộng đồng”, giao hộ cho từng thành viên. Khi hai người cùng sửa một hộ từ hai phiên bản khác nhau, thay đổi sau chờ bạn trong “Thay đổi trùng nhau chờ xử lý”: chọn giữ giá trị nào cho từng trường.",
  "help.volunteer.t6": "Ghi nhận phản ánh hiện trường cho người dân",
  "help.volunteer.b6":
    "Khi người dân hoặc cuộc họp thôn báo một vấn đề (đường hỏng, cống tắc, rác…), vào “Văn phòng”, chọn “Ghi nhận phản ánh hiện trường cho người dân”, ghi loại việc, thôn, địa điểm, mô tả, ảnh nếu có, họ tên và số điện thoại của người dân, và cách họ đồng ý (ký, điểm chỉ hoặc bằng lời). Phản ánh là của người dân: tin nhắn cập nhật gửi về số của họ, không phải số của bạn. Đưa cho họ mã phản ánh để tra cứu.",

  "help.citizen.title": "Người dân",
  "help.citizen.intro": "Bạn nộp hồ sơ trực tuyến, theo dõi hồ sơ và giữ giấy tờ trong kho của mình.",
  "help.citizen.t1": "Nộp hồ sơ",
  "help.citizen.b1": "Chọn thủ tục trong “Dịch vụ công”, xem giấy tờ cần có, điền tờ khai và đính kèm bản chụp. Bạn nhận mã hồ sơ và ngày hẹn trả.",
  "help.citizen.t2": "Theo dõi hồ sơ",
  "help.citizen.b2": "“Hồ sơ của tôi” cho biết hồ sơ đang ở bước nào. Khi cần bổ sung, hồ sơ ghi rõ giấy tờ còn thiếu.",
  "help.citizen.t3": "Hồ sơ cá nhân và kho giấy tờ",
  "help.citizen.b3": "Trong “Thông tin cá nhân”, xác minh số điện thoại để nhận tin nhắn. Giấy tờ trong kho dùng lại được cho lần nộp sau.",
  "help.citizen.t4": "Phản ánh hiện trường",
  "help.citizen.b4":
    "Trong “Phản ánh hiện trường” trên trang chủ, chọn xã, loại việc, thôn và địa điểm, mô tả và chụp tối đa 3 ảnh. Không cần đăng nhập: bạn nhận mã và đường dẫn riêng để theo dõi; khi đã đăng nhập, phản ánh nằm trong “Phản ánh của tôi”. Khi xã trả lời, hãy xác nhận đã khắc phục hoặc mở lại.",

  "help.admin.title": "Quản trị viên",
  "help.admin.intro": "Bạn quản lý tài khoản cán bộ, vai trò và cài đặt một cửa của xã.",
  "help.admin.t1": "Tạo tài khoản và giao vai trò",
  "help.admin.b1": "Vào “Người dùng”, bấm tạo người dùng, rồi giao vai trò (cán bộ một cửa, chuyên viên, lãnh đạo, tình nguyện viên) trên đúng đơn vị.",
  "help.admin.t2": "Cài đặt một cửa",
  "help.admin.b2": "Nhập mã cơ quan (để cấp mã hồ sơ), địa chỉ nơi trả kết quả và tài khoản nhận phí cho mã VietQR.",
  "help.admin.t3": "Nhật ký",
  "help.admin.b3": "“Nhật ký” ghi mọi thay đổi và mọi lần xem dữ liệu cá nhân, không sửa được.",
} as const;

type Messages = { [K in keyof typeof messagesVi]: string };
// Registered with the i18n platform by the composition root; this makes the keys known to t().
declare module "../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "office.daily": "Daily work",
  "office.admin": "Administration",
  "office.community": "Community digital teams and the household registry",
  "nav.myHouseholds": "Households assigned to me",
  "nav.fieldApp": "Door-to-door app (works without signal)",
  "nav.registry": "Household registry",
  "nav.registryImports": "Import and export households (XLSX, CSV)",
  "nav.teams": "Community digital teams",
  "nav.visits": "Support visits",
  "nav.conflicts": "Clashing changes to settle",
  "nav.coverage": "Digital skills coverage",
  "nav.gaps": "Who still needs what (the list for the next round)",
  "nav.campaigns": "Campaigns",
  "nav.trainings": "Training sessions",
  "nav.recognition": "Recognition",
  "nav.skills": "The province's digital skills checklist",
  "office.more": "More",
  "office.worklist.assignedToMe": "Dossiers assigned to me",
  "office.worklist.awaitingApproval": "Dossiers waiting for my approval",
  "office.search": "Find a dossier",
  "office.recordReport": "Record a citizen report for a resident",
  "office.open311Clients": "Open311 client apps",
  "home.services.report": "Report a problem",
  "home.services.reportText": "Tell the commune about a broken road, a blocked drain, rubbish, a power line down…: no account needed, answered in public.",
  "nav.myReports": "My reports",
  "nav.myNotices": "How commune notices reach me",
  "office.help": "Guide for the {role}",
  "office.deskOf": "One-stop desk – {unit}",
  "office.settingsOf": "Desk settings – {unit}",

  "help.title": "Help",
  "help.intro": "Each guide is short and goes task by task. Pick the guide for your role.",
  "help.yours": "Your guides",
  "help.others": "Other guides",
  "help.all": "All guides",

  "help.desk.title": "One-stop desk officer",
  "help.desk.intro": "You receive dossiers, ask for missing documents, hand over results and take fees.",
  "help.desk.t1": "Receive an online dossier",
  "help.desk.b1":
    "Open “One-stop desk”, queue “New online dossiers”. Open the dossier, read the application and documents at the top, then press “Receive the dossier”. If documents are missing, choose “Request additional documents” and list everything missing at once.",
  "help.desk.t2": "Take a dossier at the counter",
  "help.desk.b2":
    "Press “Receive a dossier at the counter”, choose the procedure, enter the applicant, attach the scans and print the receipt (form 01) for the citizen.",
  "help.desk.t3": "Hand over a result",
  "help.desk.b3":
    "Queue “Ready to return”: confirm the fee (if any), record who collected it or the postal tracking number, attach the scan of the result and press “Return the result”.",
  "help.desk.t4": "Find a dossier",
  "help.desk.b4": "Press “Find a dossier” and type the code, the name (with or without diacritics), the phone or the ID number.",

  "help.specialist.title": "Specialist",
  "help.specialist.intro": "You review the dossiers assigned to you and propose a decision to the leader.",
  "help.specialist.t1": "See my work",
  "help.specialist.b1": "“One-stop desk” opens on “Assigned to me”: overdue dossiers on top, then the soonest deadlines. Press “Printable list” to print it.",
  "help.specialist.t2": "Review and propose",
  "help.specialist.b2":
    "Open the dossier, read the application and documents. When it qualifies, write your opinion in “Submit to the leader”: the leader sees it at the top of the page.",
  "help.specialist.t3": "More documents or another agency's opinion",
  "help.specialist.b3": "Use “Request additional documents” (once, listing everything) or “Forward to another agency” with that step's deadline.",

  "help.leader.title": "Leader",
  "help.leader.intro": "You assign dossiers, approve or send them back, and sign results.",
  "help.leader.t1": "Approve",
  "help.leader.b1":
    "“One-stop desk” opens on “Waiting for my approval”. On the dossier page the specialist's proposal is at the top; press “Approve” and attach the signed result, or “Send back for rework” with a reason.",
  "help.leader.t2": "Assign",
  "help.leader.b2": "Received dossiers are under “In progress”: open one, choose a specialist and press “Assign for processing”.",
  "help.leader.t3": "Refuse, pause",
  "help.leader.b3":
    "These stand apart at the end of the dossier page, under “Refuse, pause or cancel the dossier”. Always give the reason: the applicant receives it.",

  "help.volunteer.title": "Community digital team",
  "help.volunteer.intro": "You go door to door teaching digital skills, record each visit (even without signal), and file for citizens with their consent.",
  "help.volunteer.t1": "File for a citizen",
  "help.volunteer.b1":
    "Choose the procedure under “Public services”, file online, enter the citizen's details and record their consent (signature, fingerprint or spoken).",
  "help.volunteer.t2": "Follow the dossiers you filed",
  "help.volunteer.b2": "The dossiers you filed are under “My dossiers”. Citizens can also look them up by the code on the receipt.",
  "help.volunteer.t3": "Install the door-to-door app on your phone",
  "help.volunteer.b3":
    "With signal, open the “Door-to-door app” (/field) once and choose “Add to home screen”. The app keeps the households assigned to you; it then opens without signal too.",
  "help.volunteer.t4": "Record visits without signal",
  "help.volunteer.b4":
    "Pick the household, note who was there, the skills you helped with and saw the person use, the outcome and the next step. Visits stay on the phone, even if the browser or the phone is switched off; when signal is back the app sends them (or tap “Sync now”). No visit is sent twice.",
  "help.volunteer.t5": "Team leaders: assignments and clashing changes",
  "help.volunteer.b5":
    "In “Community digital teams”, give households to each member. When two people changed the same household from different versions, the later change waits for you in “Clashing changes to settle”: choose which value to keep for each field.",
  "help.volunteer.t6": "Record a citizen report for a resident",
  "help.volunteer.b6":
    "When a resident or a village meeting reports a problem (a broken road, a blocked drain, rubbish…), open “Office”, choose “Record a citizen report for a resident”, and record the kind of problem, the village, the place, a description, photos if any, the resident's name and phone, and how they consented (signature, fingerprint or verbally). The report is theirs: updates go to their phone, not yours. Give them the report's code to follow it.",

  "help.citizen.title": "Citizen",
  "help.citizen.intro": "You file online, follow your dossiers and keep your documents in your vault.",
  "help.citizen.t1": "File a dossier",
  "help.citizen.b1":
    "Choose the procedure under “Public services”, see the documents needed, fill in the form and attach photos. You get a dossier code and the date of the result.",
  "help.citizen.t2": "Follow a dossier",
  "help.citizen.b2": "“My dossiers” shows the step each dossier is at. When documents are missing, the dossier says which.",
  "help.citizen.t3": "Profile and vault",
  "help.citizen.b3": "In “Personal details”, verify your phone to receive text messages. Documents in the vault can be reused next time.",
  "help.citizen.t4": "Report a problem",
  "help.citizen.b4":
    "Under “Report a problem” on the home page, choose your commune, the kind of problem, the village and the place, describe it and add up to 3 photos. No sign-in needed: you get a code and a private link to follow it; signed in, it is under “My reports”. When the commune answers, confirm it is fixed or reopen it.",

  "help.admin.title": "Administrator",
  "help.admin.intro": "You manage officers' accounts, roles and the commune's desk settings.",
  "help.admin.t1": "Create accounts and grant roles",
  "help.admin.b1": "Open “Users”, create the user, then grant roles (desk officer, specialist, leader, volunteer) on the right unit.",
  "help.admin.t2": "Desk settings",
  "help.admin.b2": "Enter the agency code (for dossier codes), where results are collected and the fee account for VietQR codes.",
  "help.admin.t3": "Audit log",
  "help.admin.b3": "“Audit log” records every change and every read of personal data; it cannot be altered.",
};
